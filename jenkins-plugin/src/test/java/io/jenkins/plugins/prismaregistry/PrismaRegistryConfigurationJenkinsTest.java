package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PrismaRegistryConfigurationJenkinsTest {

    private static final String PASSWORD = "right-pw-5d8c1a3f";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(7));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        addCredentials(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "prisma", "Console login", "ci", PASSWORD));
    }

    @Test
    void theFormKeepsEverySetting() throws Exception {
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        configuration.setConsoleUrl("https://console.example.com:8083");
        configuration.setCredentialsId("prisma");
        configuration.setApiVersion("v34.03");
        configuration.setProject("team-a");
        configuration.setCaCertificate("-----BEGIN CERTIFICATE-----\nMIIBexample\n-----END CERTIFICATE-----");
        configuration.setSkipTlsVerify(true);
        configuration.setConnectTimeout(5);
        configuration.setReadTimeout(120);
        configuration.setRetries(0);
        configuration.setScanLater(true);

        r.configRoundtrip();

        PrismaRegistryConfiguration after = PrismaRegistryConfiguration.get();
        assertThat(after.getConsoleUrl()).isEqualTo("https://console.example.com:8083");
        assertThat(after.getCredentialsId()).isEqualTo("prisma");
        assertThat(after.getApiVersion()).isEqualTo("v34.03");
        assertThat(after.getProject()).isEqualTo("team-a");
        assertThat(after.getCaCertificate()).contains("MIIBexample");
        assertThat(after.isSkipTlsVerify()).isTrue();
        assertThat(after.getConnectTimeout()).isEqualTo(5);
        assertThat(after.getReadTimeout()).isEqualTo(120);
        assertThat(after.getRetries()).isZero();
        assertThat(after.isScanLater()).isTrue();
    }

    @Test
    void anEmptiedRetriesFieldMeansTheDefaultNotNeverRetry() throws Exception {
        PrismaRegistryConfiguration.get().setRetries(5);
        HtmlForm form = r.createWebClient().goTo("configure").getFormByName("config");
        form.getInputByName("_.retries").setValue("");

        r.submit(form);

        assertThat(PrismaRegistryConfiguration.get().getRetries()).isEqualTo(3);
    }

    @Test
    void settingsSurviveAReloadFromDisk() throws Exception {
        PrismaRegistryConfiguration.get().setConsoleUrl("https://console.example.com");
        PrismaRegistryConfiguration.get().setReadTimeout(90);

        PrismaRegistryConfiguration reloaded = new PrismaRegistryConfiguration();

        assertThat(reloaded.getConsoleUrl()).isEqualTo("https://console.example.com");
        assertThat(reloaded.getReadTimeout()).isEqualTo(90);
        assertThat(reloaded.getConnectTimeout()).isEqualTo(10);
    }

    @Test
    void testConnectionReportsTheConsoleVersionAndEntryCount() {
        FormValidation result = PrismaRegistryConfiguration.get().doTestConnection(simulator.get().url(), "prisma",
                "", "", "", false, "10", "60", "0");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.getMessage()).contains(ConsoleSimulator.DEFAULT_CONSOLE_VERSION).contains("7 registry scan entries");
        assertThat(simulator.get().writeCount()).isZero();
    }

    @Test
    void testConnectionWithAWrongPasswordIsAnErrorWithoutThePassword() throws Exception {
        addCredentials(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "wrong", "", "ci", "canary-1f2e3d4c"));

        FormValidation result = PrismaRegistryConfiguration.get().doTestConnection(simulator.get().url(), "wrong",
                "", "", "", false, "", "", "0");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).doesNotContain("canary-1f2e3d4c");
    }

    @Test
    void testConnectionWarnsWhenBuildsCannotUseSystemScopedCredentials() throws Exception {
        addCredentials(new UsernamePasswordCredentialsImpl(CredentialsScope.SYSTEM, "system-only", "", "ci", PASSWORD));

        FormValidation result = PrismaRegistryConfiguration.get().doTestConnection(simulator.get().url(), "system-only",
                "", "", "", false, "", "", "0");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(result.getMessage()).contains("System scope");
    }

    @Test
    void theCredentialsListOffersOnlyLoginsAndTokens() throws Exception {
        addCredentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "token", "", Secret.fromString("t")));
        addCredentials(new FileCredentialsImpl(CredentialsScope.GLOBAL, "a-file", "", "f.txt",
                SecretBytes.fromRawBytes("x".getBytes(StandardCharsets.UTF_8))));

        ListBoxModel items = PrismaRegistryConfiguration.get().doFillCredentialsIdItems(null, "");

        assertThat(items.stream().map(o -> o.value)).contains("prisma", "token").doesNotContain("a-file");
    }

    @Test
    void consoleUrlValidationFlagsAddressesWithoutScheme() {
        assertThat(PrismaRegistryConfiguration.get().doCheckConsoleUrl("console.example.com").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(PrismaRegistryConfiguration.get().doCheckConsoleUrl("https://console.example.com").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void jenkinsProxySettingsAreUsedAndItsExclusionsHonoured() throws Exception {
        PrismaRegistryConfiguration.get().setConsoleUrl(simulator.get().url());
        PrismaRegistryConfiguration.get().setCredentialsId("prisma");
        PrismaRegistryConfiguration.get().setRetries(0);
        PrismaRegistryConfiguration.get().setConnectTimeout(2);

        // Nothing listens on port 9 (discard): through the proxy the Console cannot be reached...
        r.jenkins.proxy = new ProxyConfiguration("127.0.0.1", 9, null, null, null);
        WorkflowRun throughProxy = run("prismaRegistryRegister image: 'registry.example.com/team/app:1'");
        r.assertBuildStatus(Result.FAILURE, throughProxy);
        assertThat(simulator.get().requests()).isEmpty();

        // ...and with the Console's host excluded, it is reached directly.
        r.jenkins.proxy = new ProxyConfiguration("127.0.0.1", 9, null, null, "127.0.0.1\nlocalhost");
        r.assertBuildStatusSuccess(run("prismaRegistryRegister image: 'registry.example.com/team/app:1'"));
        assertThat(simulator.get().entryCount()).isEqualTo(8);
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + r.jenkins.getItems().size());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.waitForCompletion(p.scheduleBuild2(0).waitForStart());
    }

    private void addCredentials(Credentials credentials) throws IOException {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credentials);
    }
}
