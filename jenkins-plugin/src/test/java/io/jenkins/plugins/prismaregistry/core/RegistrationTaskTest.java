package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole call as the steps run it, against the console simulator over HTTP. */
class RegistrationTaskTest {

    private static final String CANARY = "canary-pw-7f3a9c1e5d";
    private static final String IMAGE = "registry.example.com/team/app:1.4.2";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", CANARY).seed(50));

    @TempDir
    Path buildDir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private Path workDir() {
        return buildDir.resolve(ResultFiles.DIRECTORY);
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private ConnectionSettings settings() {
        return ConnectionSettings.builder().consoleUrl(simulator.get().url()).retries(0).build();
    }

    private RegistrationTask task(Operation operation, StepArguments arguments) {
        return new RegistrationTask(operation, arguments, settings(), "test");
    }

    private static RegistrationTask.CredentialsSource login(String password) {
        return () -> ConsoleCredentials.usernamePassword("ci", password);
    }

    @Test
    void registeringAnImageAddsOneEntryReturnsTheMapAndKeepsTheResultWithTheBuild() throws Exception {
        Map<String, Object> result = task(Operation.REGISTER, new StepArguments().image(IMAGE)).run(login(CANARY), null, workDir(), log);

        assertThat(result).containsEntry("action", "ADDED").containsEntry("operation", "register")
                .containsEntry("entriesBefore", 50).containsEntry("entriesAfter", 51);
        assertThat(simulator.get().entryCount()).isEqualTo(51);
        assertThat(repositories(simulator.get().specifications())).contains("team/app");
        assertThat(log()).contains("Prisma Cloud Compute: register " + IMAGE).contains("ADDED");
        assertThat(ResultFiles.list(workDir())).anyMatch(ResultFiles::isResultFile)
                .anyMatch(name -> name.startsWith("prisma-registry-backup-"));
    }

    @Test
    void severalImagesShareOneReadAndReturnOneMapEach() throws Exception {
        simulator.get().clearRequests();
        List<Map<String, Object>> results = task(Operation.REGISTER, new StepArguments().image(IMAGE)
                .images(List.of("registry.example.com/team/api:2.0", "registry.example.com/team/worker:2.0")))
                .runAll(login(CANARY), null, workDir(), log);

        assertThat(results).extracting(r -> r.get("action")).containsExactly("ADDED", "ADDED", "ADDED");
        assertThat(repositories(simulator.get().specifications())).contains("team/app", "team/api", "team/worker");
        assertThat(simulator.get().requests().stream()
                .filter(r -> "settings/registry".equals(r.endpoint()) && "GET".equals(r.method()))).hasSize(2);
        assertThat(ResultFiles.list(workDir()).stream().filter(ResultFiles::isResultFile)).hasSize(3);

        List<Map<String, Object>> removed = task(Operation.UNREGISTER, new StepArguments()
                .images("registry.example.com/team/api:2.0, registry.example.com/team/worker:2.0"))
                .runAll(login(CANARY), null, workDir(), log);
        assertThat(removed).extracting(r -> r.get("action")).containsExactly("REMOVED", "REMOVED");
        assertThat(repositories(simulator.get().specifications())).contains("team/app").doesNotContain("team/api");
    }

    @Test
    void oneImageThatFailsFailsTheCallAfterTheOthersRan() throws Exception {
        StepArguments arguments = new StepArguments()
                .images(List.of("registry.example.com/team/fine:1.0", "registry.example.com/Team/Not Valid:1.0"));

        assertThatThrownBy(() -> task(Operation.REGISTER, arguments).runAll(login(CANARY), null, workDir(), log))
                .isInstanceOf(RegistrationFailedException.class)
                .hasMessageContaining("1 of 2 images failed")
                .hasMessageContaining("Not Valid");
        assertThat(repositories(simulator.get().specifications())).contains("team/fine");

        List<Map<String, Object>> results = task(Operation.REGISTER, arguments.failOnError(false))
                .runAll(login(CANARY), null, workDir(), log);
        assertThat(results).extracting(r -> r.get("action")).containsExactly("ALREADY_COVERED", ResultMaps.FAILED);
    }

    @Test
    void anUntrustedCertificateNamesTheJenkinsFieldsToSet() throws Exception {
        try (ConsoleSimulator tls = ConsoleSimulator.builder().user("ci", CANARY).tls(true).start()) {
            RegistrationTask task = new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                    ConnectionSettings.builder().consoleUrl(tls.url()).retries(0).build(), "test");

            assertThatThrownBy(() -> task.run(login(CANARY), null, workDir(), log))
                    .isInstanceOf(RegistrationFailedException.class)
                    .hasMessageContaining("is not trusted")
                    .hasMessageContaining("caCertificate")
                    .hasMessageContaining("skipTlsVerify")
                    .hasMessageNotContaining("insecureSkipTlsVerify");
            assertThat(tls.entryCount()).isZero();
        }
    }

    @Test
    void theTlsOffWarningNamesTheJenkinsField() throws Exception {
        try (ConsoleSimulator tls = ConsoleSimulator.builder().user("ci", CANARY).tls(true).start()) {
            RegistrationTask task = new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                    ConnectionSettings.builder().consoleUrl(tls.url()).skipTlsVerify(true).retries(0).build(), "test");

            Map<String, Object> result = task.run(login(CANARY), null, workDir(), log);

            assertThat(result).containsEntry("action", "ADDED");
            assertThat(String.valueOf(result.get("warnings"))).contains("(skipTlsVerify)").doesNotContain("insecureSkipTlsVerify");
            assertThat(log()).contains("TLS certificate verification is OFF").contains("(skipTlsVerify)")
                    .doesNotContain("insecureSkipTlsVerify");
        }
    }

    @Test
    void aRerunFindsTheEntryAndWritesNothing() throws Exception {
        task(Operation.REGISTER, new StepArguments().image(IMAGE)).run(login(CANARY), null, workDir(), log);
        long writesAfterFirst = simulator.get().writeCount();

        Map<String, Object> again = task(Operation.REGISTER, new StepArguments().image("registry.example.com/team/app:1.4.3"))
                .run(login(CANARY), null, workDir(), log);

        assertThat(again).containsEntry("action", "ALREADY_COVERED").containsEntry("changed", false);
        assertThat(simulator.get().writeCount()).isEqualTo(writesAfterFirst);
    }

    @Test
    void aDryRunWritesNothingToTheConsole() throws Exception {
        Map<String, Object> result = task(Operation.REGISTER, new StepArguments().image(IMAGE).dryRun(true))
                .run(login(CANARY), null, workDir(), log);

        assertThat(result).containsEntry("action", "DRY_RUN").containsEntry("plannedAction", "ADDED");
        assertThat(simulator.get().writeCount()).isZero();
        assertThat(simulator.get().entryCount()).isEqualTo(50);
        assertThat(log()).contains("dry run");
    }

    @Test
    void unsetScanLaterUsesTheGlobalDefault() throws Exception {
        new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                ConnectionSettings.builder().consoleUrl(simulator.get().url()).retries(0).scanLater(true).build(), "test")
                .run(login(CANARY), null, workDir(), log);

        assertThat(simulator.get().requests("POST", "settings/registry"))
                .singleElement().satisfies(r -> assertThat(r.queryParameter("scanLater")).isEqualTo("true"));
    }

    @Test
    void unregisterRemovesTheEntryThatRegisterAdded() throws Exception {
        task(Operation.REGISTER, new StepArguments().image(IMAGE)).run(login(CANARY), null, workDir(), log);

        Map<String, Object> result = task(Operation.UNREGISTER, new StepArguments().image(IMAGE)).run(login(CANARY), null, workDir(), log);

        assertThat(result).containsEntry("action", "REMOVED").containsEntry("operation", "unregister");
        assertThat(simulator.get().entryCount()).isEqualTo(50);
        assertThat(repositories(simulator.get().specifications())).doesNotContain("team/app");
    }

    @Test
    void aWrongPasswordFailsWithAClearMessageAndNeverShowsThePassword() throws Exception {
        String wrong = CANARY + "-wrong";
        RegistrationTask task = task(Operation.REGISTER, new StepArguments().image(IMAGE));

        assertThatThrownBy(() -> task.run(login(wrong), null, workDir(), log))
                .isInstanceOf(RegistrationFailedException.class)
                .hasMessageContaining("Could not register " + IMAGE)
                .hasMessageNotContaining(wrong);

        assertThat(log()).doesNotContain(wrong).doesNotContain(CANARY);
        assertThat(filesContaining(buildDir, CANARY)).isEmpty();
        assertThat(simulator.get().writeCount()).isZero();
    }

    @Test
    void withFailOnErrorOffAFailureIsReturnedAsAMap() throws Exception {
        Map<String, Object> result = task(Operation.REGISTER, new StepArguments().image(IMAGE).failOnError(false))
                .run(login(CANARY + "-wrong"), null, workDir(), log);

        assertThat(result).containsEntry("action", ResultMaps.FAILED).containsEntry("changed", false)
                .containsEntry("errorType", "ConsoleAuthenticationException");
        assertThat((String) result.get("message")).startsWith("Could not register " + IMAGE);
        assertThat(log()).contains("WARNING: Could not register");
        assertThat(ResultFiles.list(workDir())).anyMatch(ResultFiles::isResultFile);
    }

    @Test
    void aMissingCredentialIsAFailureNamingTheParameter() throws Exception {
        RegistrationTask.CredentialsSource missing = () -> {
            throw new InvalidRequestException("credentialsId", "No credentials with ID 'prisma' are available to this build.");
        };

        Map<String, Object> result = task(Operation.REGISTER, new StepArguments().image(IMAGE).failOnError(false))
                .run(missing, null, workDir(), log);

        assertThat(result).containsEntry("action", ResultMaps.FAILED).containsEntry("parameter", "credentialsId");
        assertThat((String) result.get("message")).contains("'prisma'").contains("Check 'credentialsId'");
        assertThat(simulator.get().requests()).isEmpty();
    }

    @Test
    void aMissingConsoleUrlSaysWhereToSetIt() {
        RegistrationTask task = new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                ConnectionSettings.builder().build(), "test");

        assertThatThrownBy(() -> task.run(login(CANARY), null, workDir(), log))
                .isInstanceOf(RegistrationFailedException.class)
                .hasMessageContaining("consoleUrl")
                .hasMessageContaining("Manage Jenkins");
    }

    @Test
    void theStepsConsoleUrlOverridesTheGlobalOne() throws Exception {
        RegistrationTask task = new RegistrationTask(Operation.REGISTER,
                new StepArguments().image(IMAGE).consoleUrl(simulator.get().url()),
                ConnectionSettings.builder().consoleUrl("http://127.0.0.1:9").build(), "test");

        assertThat(task.run(login(CANARY), null, workDir(), log)).containsEntry("action", "ADDED");
    }

    @Test
    void aPasswordInTheStepsConsoleUrlIsNeverLoggedNorStored() throws Exception {
        // Typed with a raw '@', as people do: only the last '@' ends the user info.
        String urlPassword = "p@ss-in-url-9d8c7b";
        String url = simulator.get().url().replaceFirst("://", "://ci:" + urlPassword + "@");
        StepArguments arguments = new StepArguments().image(IMAGE).consoleUrl(url).failOnError(false);

        Map<String, Object> result = task(Operation.REGISTER, arguments).run(login(CANARY), null, workDir(), log);

        assertThat(result).containsEntry("action", "FAILED").containsEntry("parameter", "consoleUrl");
        assertThat(log()).contains("Prisma Cloud Compute: register").doesNotContain("ss-in-url-9d8c7b");
        assertThat(filesContaining(workDir(), "ss-in-url-9d8c7b")).isEmpty();
        assertThat(simulator.get().requests()).isEmpty();
    }

    @Test
    void twoParallelBranchesRegisterTwoImagesAndBothArePresent() throws Exception {
        ExecutorService branches = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Object>> a = branches.submit(() -> task(Operation.REGISTER,
                    new StepArguments().image("registry.example.com/team/frontend:1")).run(login(CANARY), null, workDir(), log));
            Future<Map<String, Object>> b = branches.submit(() -> task(Operation.REGISTER,
                    new StepArguments().image("registry.example.com/team/backend:1")).run(login(CANARY), null, workDir(), log));

            assertThat(a.get()).containsEntry("action", "ADDED");
            assertThat(b.get()).containsEntry("action", "ADDED");
        } finally {
            branches.shutdownNow();
        }

        assertThat(simulator.get().entryCount()).isEqualTo(52);
        assertThat(repositories(simulator.get().specifications())).contains("team/frontend", "team/backend");
        assertThat(ResultFiles.list(workDir()).stream().filter(ResultFiles::isResultFile)).hasSize(2);
    }

    @Test
    void interruptingTheBuildStopsTheCall() throws Exception {
        simulator.get().inject(Fault.on("GET", "settings/registry").delay(Duration.ofMinutes(5)));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread branch = new Thread(() -> {
            try {
                task(Operation.REGISTER, new StepArguments().image(IMAGE)).run(login(CANARY), null, workDir(), log);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        branch.start();
        // The simulator records a request once it has answered it, so wait for the login that precedes the read.
        while (simulator.get().loginCount() == 0 && branch.isAlive()) {
            Thread.sleep(20);
        }

        branch.interrupt();
        branch.join(Duration.ofMinutes(1).toMillis());

        assertThat(branch.isAlive()).as("the call ended after the interrupt").isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(simulator.get().writeCount()).isZero();
    }

    private static List<String> repositories(List<ObjectNode> specifications) {
        return specifications.stream().map(n -> n.path("repository").asText()).toList();
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseFailsNamingTheFieldBeforeAnythingIsSent() throws Exception {
        for (Parameter<?> parameter : Parameters.forOperation(Operation.REGISTER.catalogueOperation(), FrontEnd.JENKINS)) {
            if (parameter.kind() != ParameterKind.BOOLEAN || parameter == Parameters.FAIL_ON_ERROR) {
                continue;
            }
            StepArguments arguments = new StepArguments().image(IMAGE).set(parameter, "yes");

            assertThatThrownBy(() -> task(Operation.REGISTER, arguments).run(login(CANARY), null, workDir(), log))
                    .as(parameter.name())
                    .isInstanceOf(RegistrationFailedException.class)
                    .hasMessageEndingWith("Check '" + parameter.name() + "': " + parameter.name()
                            + " must be true or false, was 'yes'");
        }
        assertThat(simulator.get().requests().size()).as("nothing was asked of the Console").isZero();
    }

    @Test
    void aBadFailOnErrorIsItselfAnErrorThatFailsTheBuild() {
        StepArguments arguments = new StepArguments().image(IMAGE).failOnError("no");

        assertThatThrownBy(() -> task(Operation.REGISTER, arguments).run(login(CANARY), null, workDir(), log))
                .isInstanceOf(RegistrationFailedException.class)
                .hasMessageEndingWith("failOnError must be true or false, was 'no'");
    }

    @Test
    void aBadGlobalNumberNamesTheFieldOfTheGlobalConfiguration() {
        RegistrationTask task = new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                ConnectionSettings.builder().consoleUrl(simulator.get().url()).connectTimeoutSeconds("ten").build(), "test");

        assertThatThrownBy(() -> task.run(login(CANARY), null, workDir(), log))
                .isInstanceOf(RegistrationFailedException.class)
                .hasMessageEndingWith("connectTimeout must be a whole number of seconds, was 'ten'");
    }
}
