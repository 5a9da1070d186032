// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api (704.ve4f0967e98fa_; checked against jenkinsci/workflow-step-api-plugin @30add9497079 and @20fed33defc5 and pull 173), src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
// (pull 173, merged in July 2024, removed @Nullable from get; both stored files predate it)
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@Nullable Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public boolean hasBody() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();

    private static final long serialVersionUID = 1L;
}
