// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api (704.ve4f0967e98fa_; checked against jenkinsci/workflow-step-api-plugin @a2ef1d4d466c), src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
