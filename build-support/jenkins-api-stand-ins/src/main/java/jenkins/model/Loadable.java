// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/jenkins/model/Loadable.java
package jenkins.model;

import java.io.IOException;

public interface Loadable {
    void load() throws IOException;
}
