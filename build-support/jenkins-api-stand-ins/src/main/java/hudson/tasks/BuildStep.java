// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @127a6004a13b), core/src/main/java/hudson/tasks/BuildStep.java
// (prebuild/perform/getProjectAction(s) left out: Builder implements them through BuildStepCompatibilityLayer)
package hudson.tasks;

public interface BuildStep {
    BuildStepMonitor getRequiredMonitorService();
}
