package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The goals end to end in this JVM, against the console simulator over HTTP. */
class GoalsAgainstSimulatorTest {

    private static final String CANARY_PASSWORD = "goal-Canary-Pw-5150";

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(
            ConsoleSimulator.builder().seed(50).user("ci-user", CANARY_PASSWORD));

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private <T extends AbstractRegistryMojo> T configure(T mojo, String password) {
        GoalFixture.configure(mojo, console.get().url(), "ci-user", password, dir, log);
        mojo.image = "registry.example.com/shop/checkout:1.4.2";
        return mojo;
    }

    private RegisterMojo register(String password) {
        return configure(new RegisterMojo(SettingsFixture.decrypter()), password);
    }

    private JsonNode resultFile() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("prisma-registry/result.json").toFile());
    }

    @Test
    void registerAddsOneEntryKeepsTheOthersAndWritesTheResult() throws Exception {
        List<ObjectNode> before = console.get().specifications();

        register(CANARY_PASSWORD).execute();

        List<ObjectNode> after = console.get().specifications();
        assertThat(asJson(after)).hasSize(51).containsAll(asJson(before));
        assertThat(after.get(50).get("repository").asText()).isEqualTo("shop/checkout");
        JsonNode result = resultFile();
        assertThat(result.get("action").asText()).isEqualTo("ADDED");
        assertThat(result.get("entriesBefore").asInt()).isEqualTo(50);
        assertThat(result.get("entriesAfter").asInt()).isEqualTo(51);
        assertThat(Path.of(result.get("backupFile").asText())).startsWith(dir.resolve("prisma-registry")).isRegularFile();
        assertThat(log.lines).anyMatch(line -> line.startsWith("INFO Prisma registry entry ADDED"));
    }

    @Test
    void secondRunWritesNothing() throws Exception {
        register(CANARY_PASSWORD).execute();
        long writes = console.get().writeCount();

        register(CANARY_PASSWORD).execute();

        assertThat(console.get().writeCount()).isEqualTo(writes);
        assertThat(resultFile().get("action").asText()).isEqualTo("ALREADY_COVERED");
    }

    @Test
    void passwordNeverReachesLogResultOrBackupEvenAtDebugLevel() throws Exception {
        register(CANARY_PASSWORD).execute();

        assertThat(log.lines).anyMatch(line -> line.startsWith("DEBUG Console: ") && line.contains("****"));
        assertThat(log.text()).doesNotContain(CANARY_PASSWORD);
        try (Stream<Path> files = Files.walk(dir.resolve("prisma-registry"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CANARY_PASSWORD);
            }
        }
    }

    @Test
    void unregisterRemovesWhatRegisterAdded() throws Exception {
        List<String> seeded = asJson(console.get().specifications());
        register(CANARY_PASSWORD).execute();

        configure(new UnregisterMojo(SettingsFixture.decrypter()), CANARY_PASSWORD).execute();

        // Compared as JSON text: the list went through a PUT, so number node types may differ, values may not.
        assertThat(asJson(console.get().specifications())).isEqualTo(seeded);
        assertThat(resultFile().get("action").asText()).isEqualTo("REMOVED");
    }

    @Test
    void severalImagesAreRegisteredWithOneReadAndUnregisteredTogether() throws Exception {
        List<String> seeded = asJson(console.get().specifications());
        RegisterMojo register = register(CANARY_PASSWORD);
        register.images = List.of("registry.example.com/shop/cart:2.0", "registry.example.com/shop/search:3.1");
        console.get().clearRequests();

        register.execute();

        List<String> repositories = console.get().specifications().stream().map(e -> e.get("repository").asText()).toList();
        assertThat(repositories).contains("shop/checkout", "shop/cart", "shop/search");
        assertThat(console.get().requests().stream()
                .filter(r -> "settings/registry".equals(r.endpoint()) && r.method().equals("GET"))).hasSize(2);
        JsonNode results = resultFile();
        assertThat(results.isArray()).isTrue();
        assertThat(results.findValuesAsText("action")).containsExactly("ADDED", "ADDED", "ADDED");

        UnregisterMojo unregister = configure(new UnregisterMojo(SettingsFixture.decrypter()), CANARY_PASSWORD);
        unregister.images = register.images;
        unregister.execute();

        assertThat(asJson(console.get().specifications())).isEqualTo(seeded);
        assertThat(resultFile().findValuesAsText("action")).containsExactly("REMOVED", "REMOVED", "REMOVED");
    }

    @Test
    void oneImageThatFailsFailsTheGoalAfterTheOthersAreRegistered() throws Exception {
        RegisterMojo register = register(CANARY_PASSWORD);
        register.image = null;
        register.images = List.of("registry.example.com/shop/ok:1.0", "registry.example.com/Shop/Not Valid:1.0");

        assertThatThrownBy(register::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("1 of 2 images could not be registered")
                .hasMessageContaining("Shop/Not Valid");

        assertThat(console.get().specifications()).anyMatch(e -> e.get("repository").asText().equals("shop/ok"));
        assertThat(resultFile().findValuesAsText("action")).containsExactly("ADDED", "FAILED");
    }

    private static List<String> asJson(List<ObjectNode> entries) {
        return entries.stream().map(JsonNode::toString).toList();
    }

    @Test
    void wrongPasswordFailsNamingWhereTheCredentialsCameFromAndWritesNothing() {
        assertThatThrownBy(() -> register("wrong-" + CANARY_PASSWORD).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("settings.xml <server> 'prisma-cloud'")
                .hasMessageNotContaining("decrypt")
                .hasMessageNotContaining(CANARY_PASSWORD);
        assertThat(console.get().writeCount()).isZero();
    }

    @Test
    void anEncryptedPasswordTheConsoleRejectsSaysDecryptionProbablyFailed() {
        // Decrypts without error, to a password the Console does not know: what a wrong master password can do.
        String encryptedOtherPassword = "{S064Lf7mMMgHXkhMvPIDhDPTONFm9jGieco5SDq48LY63sNim/RzvuMY29sZTciG}";

        assertThatThrownBy(() -> register(encryptedOtherPassword).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("settings.xml <server> 'prisma-cloud'")
                .hasMessageContaining("decryption probably failed")
                .hasMessageContaining("settings-security.xml");
        assertThat(console.get().writeCount()).isZero();
    }

    @Test
    void engineConfigurationMistakeIsAFailureNamingTheParameter() {
        RegisterMojo mojo = register(CANARY_PASSWORD);
        mojo.cap = "-1";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<cap> / -DprismaRegistry.cap must be 0 or more, was -1.");
        assertThat(console.get().writeCount()).isZero();
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseFailsBeforeAnythingIsWritten() {
        RegisterMojo mojo = register(CANARY_PASSWORD);
        mojo.scanLater = "yes";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<scanLater> / -DprismaRegistry.scanLater must be true or false, was 'yes'.");
        assertThat(console.get().writeCount()).isZero();
    }

    @Test
    void interruptedBuildFailsEvenWithFailOnErrorFalseAndKeepsTheInterruptFlag() {
        RegisterMojo mojo = register(CANARY_PASSWORD);
        mojo.failOnError = "false";

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(console.get().writeCount()).isZero();
    }

    @Test
    void failOnErrorFalseLetsTheBuildContinueAfterAConsoleError() throws Exception {
        RegisterMojo mojo = register("wrong-" + CANARY_PASSWORD);
        mojo.failOnError = "false";

        mojo.execute();

        assertThat(log.lines).anyMatch(line -> line.startsWith("WARN prisma-registry:register failed; the build"
                + " continues because failOnError is false: "));
    }

    @Test
    void aFailedRunReplacesTheEarlierResultWithItsOwnFailure() throws Exception {
        register(CANARY_PASSWORD).execute();
        assertThat(resultFile().get("action").asText()).isEqualTo("ADDED");
        RegisterMojo unreachable = register(CANARY_PASSWORD);
        unreachable.failOnError = "false";
        unreachable.retries = "0";
        // A name that never resolves: a freed local port may be taken by another process meanwhile.
        unreachable.consoleUrl = "https://console.does-not-exist.invalid:8083";

        unreachable.execute();

        JsonNode result = resultFile();
        assertThat(result.get("action").asText()).isEqualTo("FAILED");
        assertThat(result.get("changed").asBoolean()).isFalse();
        assertThat(result.get("operation").asText()).isEqualTo("register");
        assertThat(result.get("errorType").asText()).isEqualTo("ConsoleUnreachableException");
        assertThat(result.get("message").asText()).contains("Cannot resolve the host name 'console.does-not-exist.invalid'");
        assertThat(result.get("parameter").isNull()).isTrue();
    }

    @Test
    void aFailureWithFailOnErrorTrueStillWritesItsOwnResultNamingTheParameter() throws Exception {
        register(CANARY_PASSWORD).execute();
        RegisterMojo mojo = register(CANARY_PASSWORD);
        mojo.cap = "-1";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        JsonNode result = resultFile();
        assertThat(result.get("action").asText()).isEqualTo("FAILED");
        assertThat(result.get("errorType").asText()).isEqualTo("InvalidRequestException");
        assertThat(result.get("parameter").asText()).isEqualTo("cap");
        assertThat(result.get("message").asText()).contains("<cap>");
    }

    @Test
    void aSkippedRunLeavesNoEarlierResultBehind() throws Exception {
        register(CANARY_PASSWORD).execute();
        RegisterMojo skipped = register(CANARY_PASSWORD);
        skipped.skip = "true";

        skipped.execute();

        assertThat(dir.resolve("prisma-registry/result.json")).doesNotExist();
    }
}
