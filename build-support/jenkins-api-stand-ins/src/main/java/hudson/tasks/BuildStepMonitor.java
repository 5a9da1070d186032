// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @f426125d05c1), core/src/main/java/hudson/tasks/BuildStepMonitor.java
// (constant bodies and the abstract perform method left out)
package hudson.tasks;

public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD;
}
