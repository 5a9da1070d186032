package io.jenkins.plugins.prismaregistry.step;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.prismaregistry.CredentialsListBoxes;
import io.jenkins.plugins.prismaregistry.FormFields;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Arguments shared by {@code prismaRegistryRegister} and {@code prismaRegistryUnregister}. All are optional
 * setters and getters return {@code null} for unset values, so the Snippet Generator prints only what was set.
 */
public abstract class PrismaRegistryStep extends ConsoleCallStep {

    private List<String> images;
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
    private boolean dryRun;

    abstract Operation operation();

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new PrismaRegistryStepExecution(context, this);
    }

    /** The step's values as plain arguments; subclasses add their own. */
    @Override
    StepArguments toArguments() {
        return super.toArguments()
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
                .dryRun(dryRun);
    }

    /** Several images in one call ({@code images: ['a', 'b']}); the step then returns a list of result maps. */
    public List<String> getImages() {
        return images;
    }

    @DataBoundSetter
    public void setImages(List<String> images) {
        this.images = images == null || images.isEmpty() ? null : new ArrayList<>(images);
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

    /** Comma-separated collection names. */
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

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** Common descriptor: no workspace or agent is needed, the call runs on the controller. */
    public abstract static class PrismaRegistryStepDescriptor extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, Run.class);
        }

        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, FormFields.dropBlank(formData, "scanLater"));
        }

        // Checks permissions, so POST only (Jenkins' drop-downs fill themselves with POST).
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsListBoxes.forItem(item, credentialsId);
        }
    }
}
