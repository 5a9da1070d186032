// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 44769667 and file 47568158516), core/src/main/java/hudson/Launcher.java
// (all members but the decorator constructor left out: the plugin only names the type in SimpleBuildStep signatures)
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Launcher {
    protected Launcher(@NonNull Launcher launcher) {
        throw new UnsupportedOperationException("stand-in");
    }
}
