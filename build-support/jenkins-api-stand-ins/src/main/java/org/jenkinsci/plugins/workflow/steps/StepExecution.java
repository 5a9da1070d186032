// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api (704.ve4f0967e98fa_; checked against jenkinsci/workflow-step-api-plugin @899e07e9779c), src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    @Deprecated
    protected StepExecution() {
    }

    protected StepExecution(@NonNull StepContext context) {
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public void onResume() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stand-in");
    }

    private static final long serialVersionUID = 1L;
}
