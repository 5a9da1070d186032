package io.jenkins.plugins.prismaregistry.step;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.prismaregistry.RegistrationRunner;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the call on a background thread so the Pipeline is not blocked. Aborting the build interrupts that thread,
 * and the engine stops at its next network wait. A controller restart in the middle fails the step (a half-done
 * write is never replayed blindly).
 */
final class PrismaRegistryStepExecution extends SynchronousNonBlockingStepExecution<Object> {

    private static final long serialVersionUID = 1L;

    // Not needed after a restart: this kind of execution does not resume.
    private final transient PrismaRegistryStep step;

    PrismaRegistryStepExecution(StepContext context, PrismaRegistryStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Object run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        return RegistrationRunner.run(step.operation(), step.toArguments(), run, listener);
    }
}
