// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @75d748e6668a), core/src/main/java/hudson/model/StatusIcon.java
package hudson.model;

public interface StatusIcon {
    String getImageOf(String size);

    String getDescription();
}
