// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 4702666 and file 47408053324), core/src/main/java/hudson/FilePath.java
// (all members but one constructor left out: the plugin only names the type in SimpleBuildStep signatures)
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("stand-in");
    }
}
