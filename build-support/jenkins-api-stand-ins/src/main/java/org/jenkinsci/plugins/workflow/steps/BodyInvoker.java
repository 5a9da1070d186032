// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api:704.ve4f0967e98fa_, src/main/java/org/jenkinsci/plugins/workflow/steps/BodyInvoker.java
// (members left out: the plugin never invokes a body; the type is here because StepContext.newBodyInvoker returns it)
package org.jenkinsci.plugins.workflow.steps;

public abstract class BodyInvoker {
}
