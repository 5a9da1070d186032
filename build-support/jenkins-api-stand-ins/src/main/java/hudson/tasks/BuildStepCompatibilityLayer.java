// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @21a3e63fae90), core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java
// (members left out; it only carries BuildStep's legacy implementations in Jenkins)
package hudson.tasks;

@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
