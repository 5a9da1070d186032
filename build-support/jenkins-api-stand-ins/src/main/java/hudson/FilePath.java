// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/FilePath.java
// (members left out: the plugin only names the type in SimpleBuildStep signatures)
package hudson;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    private FilePath() {
    }

    private static final long serialVersionUID = 1L;
}
