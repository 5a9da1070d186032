// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @127a6004a13b and file 47260251842), core/src/main/java/hudson/tasks/BuildStep.java
// (prebuild/perform/getProjectAction(s) left out: Builder implements them through BuildStepCompatibilityLayer.
//  getRequiredMonitorService() is a default method in Jenkins that returns BuildStepMonitor.BUILD; here it throws.)
package hudson.tasks;

public interface BuildStep {
    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stand-in");
    }
}
