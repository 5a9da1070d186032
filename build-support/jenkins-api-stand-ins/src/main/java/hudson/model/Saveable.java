// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/Saveable.java
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}
