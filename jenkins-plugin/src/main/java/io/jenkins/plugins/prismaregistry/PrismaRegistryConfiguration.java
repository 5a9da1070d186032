package io.jenkins.plugins.prismaregistry;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterValues;
import io.jenkins.plugins.prismaregistry.core.ConnectionAssembler;
import io.jenkins.plugins.prismaregistry.core.ConnectionCheck;
import io.jenkins.plugins.prismaregistry.core.ConnectionSettings;
import io.jenkins.plugins.prismaregistry.core.ConsoleUrlCheck;
import io.jenkins.plugins.prismaregistry.core.SecretMasker;
import io.jenkins.plugins.prismaregistry.core.Strings;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Where the Console is and how to log in, for every step in this Jenkins. Shown on Manage Jenkins > System and
 * configurable with Configuration as Code under {@code unclassified: prismaRegistry:}.
 */
@Extension
@Symbol("prismaRegistry")
public final class PrismaRegistryConfiguration extends GlobalConfiguration {

    private String consoleUrl;
    private String credentialsId;
    private String apiVersion;
    private String project;
    private String caCertificate;
    private boolean skipTlsVerify;
    private int connectTimeout = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeout = ConnectionSettings.DEFAULT_READ_TIMEOUT_SECONDS;
    private int retries = ConnectionSettings.DEFAULT_RETRIES;
    private boolean scanLater;

    public PrismaRegistryConfiguration() {
        load();
    }

    public static PrismaRegistryConfiguration get() {
        return ExtensionList.lookupSingleton(PrismaRegistryConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Prisma Cloud Compute registry scanning";
    }

    public String getConsoleUrl() {
        return consoleUrl;
    }

    @DataBoundSetter
    public void setConsoleUrl(String consoleUrl) {
        this.consoleUrl = Strings.blankToNull(consoleUrl);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Strings.blankToNull(credentialsId);
        save();
    }

    public String getApiVersion() {
        return apiVersion;
    }

    @DataBoundSetter
    public void setApiVersion(String apiVersion) {
        this.apiVersion = Strings.blankToNull(apiVersion);
        save();
    }

    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Strings.blankToNull(project);
        save();
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = Strings.blankToNull(caCertificate);
        save();
    }

    public boolean isSkipTlsVerify() {
        return skipTlsVerify;
    }

    @DataBoundSetter
    public void setSkipTlsVerify(boolean skipTlsVerify) {
        this.skipTlsVerify = skipTlsVerify;
        save();
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = ConnectionSettings.secondsOrDefault(connectTimeout, ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        save();
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    @DataBoundSetter
    public void setReadTimeout(int readTimeout) {
        this.readTimeout = ConnectionSettings.secondsOrDefault(readTimeout, ConnectionSettings.DEFAULT_READ_TIMEOUT_SECONDS);
        save();
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = ConnectionSettings.retriesOrDefault(retries);
        save();
    }

    public boolean isScanLater() {
        return scanLater;
    }

    @DataBoundSetter
    public void setScanLater(boolean scanLater) {
        this.scanLater = scanLater;
        save();
    }

    /** This configuration as raw values for the catalogue: the connection and the steps' scanLater default. */
    public ConnectionSettings toConnectionSettings() {
        return ConnectionSettings.builder()
                .consoleUrl(consoleUrl)
                .apiVersion(apiVersion)
                .project(project)
                .caCertificate(caCertificate)
                .skipTlsVerify(skipTlsVerify)
                .connectTimeoutSeconds(connectTimeout)
                .readTimeoutSeconds(readTimeout)
                .retries(retries)
                .scanLater(scanLater)
                .build();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // Every setter saves, because Configuration as Code calls them one by one; a form submit saves a few times.
        req.bindJSON(this, FormFields.blankToDefault(json, "retries", ConnectionSettings.DEFAULT_RETRIES));
        return true;
    }

    // Checks permissions, so POST only (Jenkins' drop-downs fill themselves with POST).
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return CredentialsListBoxes.forItem(item, credentialsId);
    }

    public FormValidation doCheckConsoleUrl(@QueryParameter String value) {
        return FormValidations.of(ConsoleUrlCheck.check(value));
    }

    /** Logs in and reads the registry settings with the values currently in the form; writes nothing. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String consoleUrl, @QueryParameter String credentialsId,
            @QueryParameter String apiVersion, @QueryParameter String project, @QueryParameter String caCertificate,
            @QueryParameter boolean skipTlsVerify, @QueryParameter String connectTimeout,
            @QueryParameter String readTimeout, @QueryParameter String retries) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ConnectionSettings settings = ConnectionSettings.builder()
                .consoleUrl(consoleUrl)
                .apiVersion(apiVersion)
                .project(project)
                .caCertificate(caCertificate)
                .skipTlsVerify(skipTlsVerify)
                .connectTimeoutSeconds(connectTimeout)
                .readTimeoutSeconds(readTimeout)
                .retries(retries)
                .build();
        SecretMasker masker = new SecretMasker();
        try {
            // Typed values are checked as a build checks them: "ten" seconds is an error here too, not a default.
            ParameterValues values = ParameterReader.read(settings, ParameterNaming.JENKINS, Operation.REGISTER);
            ConsoleCredentials credentials = JenkinsCredentials.forGlobalConfiguration(credentialsId);
            masker.addLogin(credentials.username(), credentials.secret());
            ProxySettings proxy = JenkinsProxy.current();
            if (proxy != null) {
                masker.addLogin(proxy.username(), proxy.password());
            }
            ConsoleConnection connection = ConnectionAssembler.assemble(values, credentials, proxy, RegistrationRunner.USER_AGENT);
            String summary = masker.mask(ConnectionCheck.check(connection));
            String scopeWarning = JenkinsCredentials.scopeWarning(credentialsId);
            return scopeWarning == null ? FormValidation.ok(summary) : FormValidation.warning(summary + " " + scopeWarning);
        } catch (PrismaRegistryException e) {
            return FormValidation.error(masker.mask(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error("Interrupted while contacting the Console.");
        } catch (RuntimeException e) {
            // E.g. TLS set-up trouble: Stapler would render the stack trace, message unmasked, into the page.
            return FormValidation.error(masker.mask("Could not test the connection: " + e));
        }
    }
}
