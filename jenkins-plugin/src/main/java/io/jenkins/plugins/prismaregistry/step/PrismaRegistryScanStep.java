package io.jenkins.plugins.prismaregistry.step;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.github.prismaregistry.parameters.Parameters;
import io.jenkins.plugins.prismaregistry.CredentialsListBoxes;
import io.jenkins.plugins.prismaregistry.ScanRunner;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code prismaRegistryScan image: 'registry.example.com/team/app:1.4.2'}: has the Console scan exactly this image on
 * demand, waits for that scan's result and fails the build when the gate fails. Getters return {@code null} for unset
 * values, so the Snippet Generator prints only what was set.
 */
public final class PrismaRegistryScanStep extends ConsoleCallStep {

    private String failOnSeverity;
    private boolean ignoreUnfixed;
    private String ignoredVulnerabilities;
    private boolean failOnConsoleBlock = true;
    private Integer scanTimeout;
    private Integer pollInterval;

    @DataBoundConstructor
    public PrismaRegistryScanStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, this);
    }

    /** The step's values as the raw text the catalogue reads. */
    @Override
    StepArguments toArguments() {
        return super.toArguments()
                .scanGate(failOnSeverity, ignoreUnfixed, ignoredVulnerabilities, failOnConsoleBlock, scanTimeout, pollInterval);
    }

    public String getFailOnSeverity() {
        return failOnSeverity;
    }

    @DataBoundSetter
    public void setFailOnSeverity(String failOnSeverity) {
        this.failOnSeverity = Strings.blankToNull(failOnSeverity);
    }

    public boolean isIgnoreUnfixed() {
        return ignoreUnfixed;
    }

    @DataBoundSetter
    public void setIgnoreUnfixed(boolean ignoreUnfixed) {
        this.ignoreUnfixed = ignoreUnfixed;
    }

    /** Comma-separated CVE IDs. */
    public String getIgnoredVulnerabilities() {
        return ignoredVulnerabilities;
    }

    @DataBoundSetter
    public void setIgnoredVulnerabilities(String ignoredVulnerabilities) {
        this.ignoredVulnerabilities = Strings.blankToNull(ignoredVulnerabilities);
    }

    public boolean isFailOnConsoleBlock() {
        return failOnConsoleBlock;
    }

    @DataBoundSetter
    public void setFailOnConsoleBlock(boolean failOnConsoleBlock) {
        this.failOnConsoleBlock = failOnConsoleBlock;
    }

    /** Seconds; {@code null}: the default. */
    public Integer getScanTimeout() {
        return scanTimeout;
    }

    @DataBoundSetter
    public void setScanTimeout(Integer scanTimeout) {
        this.scanTimeout = scanTimeout;
    }

    /** Seconds; {@code null}: the default. */
    public Integer getPollInterval() {
        return pollInterval;
    }

    @DataBoundSetter
    public void setPollInterval(Integer pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * Waits on a background thread so the Pipeline is not blocked; aborting the build interrupts the wait. A
     * controller restart in the middle fails the step: the scan is not triggered again blindly.
     */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        // Not needed after a restart: this kind of execution does not resume.
        private final transient PrismaRegistryScanStep step;

        Execution(StepContext context, PrismaRegistryScanStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            // Inside node the reports are also copied to the workspace; outside, they stay with the build.
            FilePath workspace = getContext().get(FilePath.class);
            return ScanRunner.run(step.toArguments(), run, workspace, listener);
        }
    }

    /** The choices of {@code failOnSeverity}, in the catalogue's order ({@code critical} first: the default). */
    public static ListBoxModel failOnSeverityItems() {
        ListBoxModel items = new ListBoxModel();
        for (String choice : Parameters.FAIL_ON_SEVERITY.choices()) {
            items.add(choice);
        }
        return items;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "prismaRegistryScan";
        }

        @Override
        public String getDisplayName() {
            return "Scan an image with Prisma Cloud Compute and gate the build on the result";
        }

        /** No workspace needed: the call runs on the controller. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, Run.class);
        }

        public ListBoxModel doFillFailOnSeverityItems() {
            return failOnSeverityItems();
        }

        // Checks permissions, so POST only (Jenkins' drop-downs fill themselves with POST).
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsListBoxes.forItem(item, credentialsId);
        }
    }
}
