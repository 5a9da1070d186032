package io.jenkins.plugins.prismaregistry.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.prismaregistry.CredentialsListBoxes;
import io.jenkins.plugins.prismaregistry.FormFields;
import io.jenkins.plugins.prismaregistry.RegistrationRunner;
import io.jenkins.plugins.prismaregistry.ScanRunner;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.ResultMaps;
import io.jenkins.plugins.prismaregistry.core.ScanTask;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import io.jenkins.plugins.prismaregistry.step.PrismaRegistryScanStep;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle form of {@code prismaRegistryRegister} and {@code prismaRegistryUnregister}: same fields, same code
 * path, and an operation choice (register by default). Text fields may use {@code ${VARIABLE}} references to the
 * build's environment, e.g. {@code registry.example.com/app:${BUILD_NUMBER}}.
 */
public final class PrismaRegistryBuilder extends Builder implements SimpleBuildStep {

    /** {@code register} or {@code unregister}; {@code null} (a job saved before the choice existed) is register. */
    private String operation;
    private String image;
    private String images;
    private String registry;
    private String repository;
    private String tag;
    private String registryType;
    private String registryCredentialId;
    private String os;
    private Integer cap;
    private Integer scanners;
    private String collections;
    private Boolean scanLater;
    private boolean updateExisting;
    private boolean dryRun;
    private boolean failOnError = true;
    private String consoleUrl;
    private String credentialsId;
    // The optional "scan and gate after registering" section: the fields of prismaRegistryScan.
    private boolean scanAfterRegistering;
    private String failOnSeverity;
    private boolean ignoreUnfixed;
    private String ignoredVulnerabilities;
    private boolean failOnConsoleBlock = true;
    private Integer scanTimeout;
    private Integer pollInterval;

    @DataBoundConstructor
    public PrismaRegistryBuilder() {
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        StepArguments arguments = toArguments().expand(env::expand);
        Operation operation = chosenOperation();
        Object result = RegistrationRunner.run(operation, arguments, run, listener);
        List<?> results = result instanceof List<?> several ? several : List.of(result);
        if (results.stream().anyMatch(r -> ResultMaps.FAILED.equals(((Map<?, ?>) r).get("action")))) {
            // failOnError is off: keep going, but let the build page show that something needs a look.
            run.setResult(Result.UNSTABLE);
            return;
        }
        if (scanAfterRegistering && operation == Operation.REGISTER && !dryRun) {
            // A failed gate throws and fails the build; an error with failOnError off comes back as ERROR.
            Map<String, Object> scan = ScanRunner.run(scanArguments().expand(env::expand), run, null, listener);
            if (ScanTask.ERROR.equals(scan.get("verdict"))) {
                run.setResult(Result.UNSTABLE);
            }
        }
    }

    /** The scan section's values, with the image ({@code image}, not {@code images}) and Console of the registration. */
    StepArguments scanArguments() {
        return new StepArguments()
                .image(image)
                .scanGate(failOnSeverity, ignoreUnfixed, ignoredVulnerabilities, failOnConsoleBlock, scanTimeout, pollInterval)
                .failOnError(failOnError)
                .consoleUrl(consoleUrl)
                .credentialsId(credentialsId);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    StepArguments toArguments() {
        return new StepArguments()
                .image(image)
                .images(images)
                .registry(registry)
                .repository(repository)
                .tag(tag)
                .registryType(registryType)
                .registryCredentialId(registryCredentialId)
                .os(os)
                .cap(cap)
                .scanners(scanners)
                .collections(collections)
                .scanLater(scanLater)
                .updateExisting(updateExisting)
                .dryRun(dryRun)
                .failOnError(failOnError)
                .consoleUrl(consoleUrl)
                .credentialsId(credentialsId);
    }

    Operation chosenOperation() throws AbortException {
        // Only the two this step offers, whatever else the enum may hold.
        for (Operation candidate : List.of(Operation.REGISTER, Operation.UNREGISTER)) {
            if (candidate.verb().equals(getOperation())) {
                return candidate;
            }
        }
        throw new AbortException("Check 'operation': it must be 'register' or 'unregister', not '" + operation + "'.");
    }

    public String getOperation() {
        return operation == null ? Operation.REGISTER.verb() : operation;
    }

    @DataBoundSetter
    public void setOperation(String operation) {
        String value = Strings.blankToNull(operation);
        this.operation = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Strings.blankToNull(image);
    }

    /** Several images, comma separated; each is handled as {@code image} would be, all in one call. */
    public String getImages() {
        return images;
    }

    @DataBoundSetter
    public void setImages(String images) {
        this.images = Strings.blankToNull(images);
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = Strings.blankToNull(registry);
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = Strings.blankToNull(repository);
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = Strings.blankToNull(tag);
    }

    public String getRegistryType() {
        return registryType;
    }

    @DataBoundSetter
    public void setRegistryType(String registryType) {
        this.registryType = Strings.blankToNull(registryType);
    }

    public String getRegistryCredentialId() {
        return registryCredentialId;
    }

    @DataBoundSetter
    public void setRegistryCredentialId(String registryCredentialId) {
        this.registryCredentialId = Strings.blankToNull(registryCredentialId);
    }

    public String getOs() {
        return os;
    }

    @DataBoundSetter
    public void setOs(String os) {
        this.os = Strings.blankToNull(os);
    }

    public Integer getCap() {
        return cap;
    }

    @DataBoundSetter
    public void setCap(Integer cap) {
        this.cap = cap;
    }

    public Integer getScanners() {
        return scanners;
    }

    @DataBoundSetter
    public void setScanners(Integer scanners) {
        this.scanners = scanners;
    }

    public String getCollections() {
        return collections;
    }

    @DataBoundSetter
    public void setCollections(String collections) {
        this.collections = Strings.blankToNull(collections);
    }

    /** {@code null} means "use the global default". */
    public Boolean getScanLater() {
        return scanLater;
    }

    @DataBoundSetter
    public void setScanLater(Boolean scanLater) {
        this.scanLater = scanLater;
    }

    public boolean isUpdateExisting() {
        return updateExisting;
    }

    @DataBoundSetter
    public void setUpdateExisting(boolean updateExisting) {
        this.updateExisting = updateExisting;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public String getConsoleUrl() {
        return consoleUrl;
    }

    @DataBoundSetter
    public void setConsoleUrl(String consoleUrl) {
        this.consoleUrl = Strings.blankToNull(consoleUrl);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Strings.blankToNull(credentialsId);
    }

    public boolean isScanAfterRegistering() {
        return scanAfterRegistering;
    }

    @DataBoundSetter
    public void setScanAfterRegistering(boolean scanAfterRegistering) {
        this.scanAfterRegistering = scanAfterRegistering;
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

    public Integer getScanTimeout() {
        return scanTimeout;
    }

    @DataBoundSetter
    public void setScanTimeout(Integer scanTimeout) {
        this.scanTimeout = scanTimeout;
    }

    public Integer getPollInterval() {
        return pollInterval;
    }

    @DataBoundSetter
    public void setPollInterval(Integer pollInterval) {
        this.pollInterval = pollInterval;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Register or unregister image for Prisma Cloud Compute registry scanning";
        }

        @Override
        public Builder newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, FormFields.dropBlank(formData, "scanLater"));
        }

        public ListBoxModel doFillFailOnSeverityItems() {
            return PrismaRegistryScanStep.failOnSeverityItems();
        }

        // Checks permissions, so POST only (Jenkins' drop-downs fill themselves with POST).
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsListBoxes.forItem(item, credentialsId);
        }
    }
}
