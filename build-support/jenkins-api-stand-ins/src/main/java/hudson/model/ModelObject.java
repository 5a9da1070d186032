// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/ModelObject.java
package hudson.model;

public interface ModelObject {
    String getDisplayName();
}
