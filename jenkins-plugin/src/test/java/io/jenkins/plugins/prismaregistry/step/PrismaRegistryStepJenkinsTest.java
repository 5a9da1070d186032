package io.jenkins.plugins.prismaregistry.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Result;
import hudson.util.Secret;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.jenkins.plugins.prismaregistry.PrismaRegistryConfiguration;
import io.jenkins.plugins.prismaregistry.PrismaRegistryRunAction;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PrismaRegistryStepJenkinsTest {

    private static final String PASSWORD = "right-pw-4b1d9e7c";
    private static final String CANARY = "canary-pw-0e6f2a8d";
    private static final String TOKEN = "token-3c5a7e9b1d";
    private static final String IMAGE = "registry.example.com/team/app:1.4.2";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).apiToken(TOKEN).seed(20));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        addCredentials(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "prisma", "Console login", "ci", PASSWORD));
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        configuration.setConsoleUrl(simulator.get().url());
        configuration.setCredentialsId("prisma");
        configuration.setRetries(0);
    }

    @Test
    void scriptedPipelineRegistersTheImageAndGetsTheResultMap() throws Exception {
        WorkflowRun b = run("def result = prismaRegistryRegister image: '" + IMAGE + "'\n"
                + "echo \"action=${result.action} repository=${result.entry.repository} after=${result.entriesAfter}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=ADDED repository=team/app after=21", b);
        assertThat(repositories()).contains("team/app");
        r.assertLogNotContains(PASSWORD, b);
        assertThat(b.getAction(PrismaRegistryRunAction.class)).isNotNull();
        assertThat(ResultFiles.list(b.getRootDir().toPath().resolve(ResultFiles.DIRECTORY)))
                .anyMatch(ResultFiles::isResultFile)
                .anyMatch(name -> !ResultFiles.isResultFile(name));
        assertThat(filesContaining(b.getRootDir().toPath(), PASSWORD)).isEmpty();
    }

    @Test
    void declarativePipelineRegistersTheImageInsideScript() throws Exception {
        WorkflowRun b = run("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('Register') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def result = prismaRegistryRegister(image: '" + IMAGE + "', scanLater: true)\n"
                + "          echo \"action=${result.action} scanLater=${result.scanLater}\"\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=ADDED scanLater=true", b);
        assertThat(simulator.get().requests("POST", "settings/registry"))
                .singleElement().satisfies(post -> assertThat(post.queryParameter("scanLater")).isEqualTo("true"));
    }

    @Test
    void twoParallelBranchesRegisterTwoImagesAndBothArePresent() throws Exception {
        WorkflowRun b = run("parallel frontend: {\n"
                + "  prismaRegistryRegister image: 'registry.example.com/team/frontend:7'\n"
                + "}, backend: {\n"
                + "  prismaRegistryRegister image: 'registry.example.com/team/backend:7'\n"
                + "}");

        r.assertBuildStatusSuccess(b);
        assertThat(repositories()).contains("team/frontend", "team/backend");
        assertThat(simulator.get().entryCount()).isEqualTo(22);
    }

    @Test
    void severalImagesInOneStepReturnOneMapEachAndShareOneRead() throws Exception {
        simulator.get().clearRequests();
        WorkflowRun b = run("def results = prismaRegistryRegister images: ['registry.example.com/team/web:3',"
                + " 'registry.example.com/team/api:3']\n"
                + "echo \"count=${results.size()} actions=${results.collect { it.action }.join(',')}"
                + " repositories=${results.collect { it.entry.repository }.join(',')}\"\n"
                + "def removed = prismaRegistryUnregister images: ['registry.example.com/team/web:3']\n"
                + "echo \"removed=${removed[0].action}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("count=2 actions=ADDED,ADDED repositories=team/web,team/api", b);
        r.assertLogContains("removed=REMOVED", b);
        assertThat(repositories()).contains("team/api").doesNotContain("team/web");
        assertThat(simulator.get().requests("POST", "settings/registry")).hasSize(2);
        r.assertLogNotContains(PASSWORD, b);
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        WorkflowRun b = run("def result = prismaRegistryRegister image: '" + IMAGE + "', dryRun: true\n"
                + "echo \"action=${result.action} planned=${result.plannedAction}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=DRY_RUN planned=ADDED", b);
        assertThat(simulator.get().writeCount()).isZero();
        assertThat(simulator.get().entryCount()).isEqualTo(20);
    }

    @Test
    void aMissingCredentialFailsTheBuildNamingTheId() throws Exception {
        WorkflowRun b = run("prismaRegistryRegister image: '" + IMAGE + "', credentialsId: 'no-such-credentials'");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("No credentials with ID 'no-such-credentials'", b);
        r.assertLogContains("Username with password", b);
        assertThat(simulator.get().requests()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsClearlyAndThePasswordIsNeverShownOrStored() throws Exception {
        addCredentials(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "wrong", "wrong login", "ci", CANARY));

        WorkflowRun b = run("prismaRegistryRegister image: '" + IMAGE + "', credentialsId: 'wrong'");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("Could not register " + IMAGE, b);
        r.assertLogNotContains(CANARY, b);
        assertThat(filesContaining(b.getRootDir().toPath(), CANARY)).isEmpty();
        assertThat(simulator.get().writeCount()).isZero();
    }

    @Test
    void credentialsOfAnotherTypeAreRejectedNamingTheExpectedTypes() throws Exception {
        addCredentials(new FileCredentialsImpl(CredentialsScope.GLOBAL, "a-file", "not a login", "key.txt",
                SecretBytes.fromRawBytes("x".getBytes(StandardCharsets.UTF_8))));

        WorkflowRun b = run("prismaRegistryRegister image: '" + IMAGE + "', credentialsId: 'a-file'");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("Credentials 'a-file' are of type", b);
        r.assertLogContains("'Secret text'", b);
    }

    @Test
    void anApiTokenInSecretTextLogsIn() throws Exception {
        addCredentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "token", "Console API token", Secret.fromString(TOKEN)));

        WorkflowRun b = run("echo \"action=${prismaRegistryRegister(image: '" + IMAGE + "', credentialsId: 'token').action}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=ADDED", b);
        r.assertLogNotContains(TOKEN, b);
    }

    @Test
    void withFailOnErrorOffTheScriptGetsTheFailureAsAMap() throws Exception {
        WorkflowRun b = run("def result = prismaRegistryRegister image: '" + IMAGE + "', credentialsId: 'missing', failOnError: false\n"
                + "echo \"action=${result.action} parameter=${result.parameter}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=FAILED parameter=credentialsId", b);
    }

    @Test
    void unregisterRemovesWhatRegisterAdded() throws Exception {
        WorkflowRun b = run("prismaRegistryRegister image: '" + IMAGE + "'\n"
                + "def removed = prismaRegistryUnregister image: '" + IMAGE + "'\n"
                + "echo \"action=${removed.action}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("action=REMOVED", b);
        assertThat(repositories()).doesNotContain("team/app");
        assertThat(simulator.get().entryCount()).isEqualTo(20);
    }

    @Test
    void theStepFormKeepsEveryArgument() throws Exception {
        PrismaRegistryRegisterStep step = new PrismaRegistryRegisterStep();
        step.setImage(IMAGE);
        step.setRegistry("registry.example.com:5000");
        step.setRepository("team/app");
        step.setTag("release-*");
        step.setRegistryType("2");
        step.setRegistryCredentialId("pull-secret");
        step.setOs("linux");
        step.setCap(0);
        step.setScanners(3);
        step.setCollections("prod, payments");
        step.setScanLater(false);
        step.setUpdateExisting(true);
        step.setDryRun(true);
        step.setFailOnError(false);
        step.setConsoleUrl("https://other-console.example.com");
        step.setCredentialsId("prisma");

        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void theStepFormKeepsAnUnsetScanLaterUnset() throws Exception {
        PrismaRegistryUnregisterStep step = new PrismaRegistryUnregisterStep();
        step.setImage(IMAGE);

        PrismaRegistryUnregisterStep after = new StepConfigTester(r).configRoundTrip(step);

        r.assertEqualDataBoundBeans(step, after);
        assertThat(after.getScanLater()).isNull();
        assertThat(after.isFailOnError()).isTrue();
    }

    @Test
    void theSnippetGeneratorPrintsOnlyWhatWasSet() throws Exception {
        PrismaRegistryRegisterStep step = new PrismaRegistryRegisterStep();
        step.setImage("x/y:1");
        step.setScanLater(true);
        SnippetizerTester snippets = new SnippetizerTester(r);

        snippets.assertRoundTrip(step, "prismaRegistryRegister image: 'x/y:1', scanLater: true");

        PrismaRegistryUnregisterStep removal = new PrismaRegistryUnregisterStep();
        removal.setImage("x/y");
        removal.setFailOnError(false);
        snippets.assertRoundTrip(removal, "prismaRegistryUnregister failOnError: false, image: 'x/y'");
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + r.jenkins.getItems().size());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.waitForCompletion(p.scheduleBuild2(0).waitForStart());
    }

    private void addCredentials(Credentials credentials) throws IOException {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credentials);
    }

    private List<String> repositories() {
        return simulator.get().specifications().stream().map((ObjectNode n) -> n.path("repository").asText()).toList();
    }

    static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
