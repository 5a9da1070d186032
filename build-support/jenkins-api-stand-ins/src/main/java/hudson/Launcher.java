// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/Launcher.java
// (members left out: the plugin only names the type in SimpleBuildStep signatures)
package hudson;

public abstract class Launcher {
    private Launcher() {
    }
}
