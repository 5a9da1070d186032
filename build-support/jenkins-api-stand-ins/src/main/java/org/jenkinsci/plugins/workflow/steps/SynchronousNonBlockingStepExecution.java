// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api (704.ve4f0967e98fa_; checked against jenkinsci/workflow-step-api-plugin @154deb9d0538), src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public @NonNull String getStatus() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stand-in");
    }
}
