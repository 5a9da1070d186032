// Compile-only stand-in of org.jenkins-ci.plugins.workflow:workflow-step-api (704.ve4f0967e98fa_; checked against jenkinsci/workflow-step-api-plugin file 39755446909), src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isMetaStep() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static ExtensionList<StepDescriptor> all() {
        throw new UnsupportedOperationException("stand-in");
    }
}
