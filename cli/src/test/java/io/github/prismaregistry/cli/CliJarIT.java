package io.github.prismaregistry.cli;

import static io.github.prismaregistry.cli.CliRun.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built jar, run as its own process the way a CI job runs it, against a console simulator. */
class CliJarIT {

    static final String PASSWORD = "cli-Canary-Pw-5521";
    static final String TOKEN = "cli-Canary-Token-9034";
    static final int SEEDED = 40;

    @RegisterExtension
    static final ConsoleSimulatorExtension CONSOLE = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .user("ci-user", PASSWORD).apiToken(TOKEN).userWithoutPermission("auditor", PASSWORD).seed(SEEDED));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Map<String, String> login() {
        return env("PRISMA_USERNAME", "ci-user", "PRISMA_PASSWORD", PASSWORD);
    }

    private CliRun cli(Map<String, String> environment, String... args) throws Exception {
        return CliRun.jar(environment, work, args);
    }

    private static String url() {
        return CONSOLE.get().url();
    }

    private List<String> repositories() {
        return CONSOLE.get().specifications().stream().map(e -> e.path("repository").asText()).toList();
    }

    @Test
    void registerAddsOneEntryKeepsTheOthersAndExitsZero() throws Exception {
        List<String> before = repositories();

        CliRun run = cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/shop/cart:1.4");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("ADDED", "registry.example.com/shop/cart", "entries before: " + SEEDED);
        assertThat(repositories()).hasSize(SEEDED + 1).containsAll(before).contains("shop/cart");
        JsonNode result = JSON.readTree(work.resolve("prisma-registry/result.json").toFile());
        assertThat(result.path("action").asText()).isEqualTo("ADDED");
        assertThat(Path.of(result.path("backupFile").asText())).exists();
    }

    @Test
    void aRerunWritesNothingAndSaysWhichEntryCoversIt() throws Exception {
        String[] args = {"register", "--console-url", url(), "--image", "registry.example.com/shop/cart:1.4",
            "--output", "json"};
        assertThat(cli(login(), args).exitCode()).isZero();
        long writes = CONSOLE.get().writeCount();

        CliRun again = cli(login(), args);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode result = JSON.readTree(again.out());
        assertThat(result.path("action").asText()).isEqualTo("ALREADY_COVERED");
        assertThat(result.path("coveringEntry").path("repository").asText()).isEqualTo("shop/cart");
        assertThat(CONSOLE.get().writeCount()).isEqualTo(writes);
    }

    @Test
    void severalImagesInOneCallPrintOneResultEach() throws Exception {
        CliRun run = cli(login(), "register", "--console-url", url(), "--output", "json",
                "--image", "registry.example.com/shop/a:1", "--image", "registry.example.com/shop/b:1,quay.io/team/c:2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode results = JSON.readTree(run.out());
        assertThat(results.isArray()).isTrue();
        assertThat(results.findValuesAsText("action")).containsExactly("ADDED", "ADDED", "ADDED");
        assertThat(repositories()).hasSize(SEEDED + 3).contains("shop/a", "shop/b", "team/c");
        assertThat(CONSOLE.get().specifications().stream()
                .filter(e -> e.path("repository").asText().equals("team/c")).findFirst().orElseThrow()
                .path("version").asText()).isEqualTo("coreos");
        // Served together: fewer reads than a read and a verifying read per image.
        assertThat(CONSOLE.get().requests("GET", "settings/registry")).hasSizeLessThan(2 * 3);

        CliRun removed = cli(login(), "unregister", "--console-url", url(), "--output", "json",
                "--images", "registry.example.com/shop/a:1,quay.io/team/c:2");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(JSON.readTree(removed.out()).findValuesAsText("action")).containsExactly("REMOVED", "REMOVED");
        assertThat(repositories()).hasSize(SEEDED + 1).contains("shop/b").doesNotContain("shop/a", "team/c");
    }

    @Test
    void oneBadImageAmongSeveralFailsTheCallButNotTheOthers() throws Exception {
        CliRun run = cli(login(), "register", "--console-url", url(), "--output", "json",
                "--image", "registry.example.com/shop/good:1", "--image", "registry.example.com/Shop/Bad:1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        JsonNode results = JSON.readTree(run.out());
        assertThat(results.get(0).path("action").asText()).isEqualTo("ADDED");
        assertThat(results.get(1).path("image").asText()).isEqualTo("registry.example.com/Shop/Bad:1");
        assertThat(results.get(1).path("exitCode").asInt()).isEqualTo(ExitCode.USAGE);
        assertThat(results.get(1).path("error").asText()).contains("--image");
        assertThat(repositories()).contains("shop/good").hasSize(SEEDED + 1);
        assertThat(run.err()).contains("error:", "--image");
    }

    @Test
    void unregisterRemovesExactlyTheEntryRegisterAdded() throws Exception {
        List<String> before = repositories();
        assertThat(cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/shop/tmp:1")
                .exitCode()).isZero();

        CliRun run = cli(login(), "unregister", "--console-url", url(), "--image", "registry.example.com/shop/tmp:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("REMOVED");
        assertThat(repositories()).containsExactlyElementsOf(before);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        CliRun run = cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/shop/x:1",
                "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("DRY RUN, would be ADDED");
        assertThat(CONSOLE.get().writeCount()).isZero();
    }

    @Test
    void everyValueCanComeFromTheEnvironment() throws Exception {
        Map<String, String> environment = env("PRISMA_TOKEN", TOKEN, "PRISMA_CONSOLE_URL", url(),
                "PRISMA_IMAGE", "registry.example.com/shop/env:3", "PRISMA_CAP", "0", "PRISMA_SCAN_LATER", "TRUE",
                "PRISMA_COLLECTIONS", "Prod,Edge", "PRISMA_OUTPUT", "json", "PRISMA_OUTPUT_DIRECTORY", "reports");

        CliRun run = cli(environment, "register");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode entry = JSON.readTree(run.out()).path("entry");
        assertThat(entry.path("repository").asText()).isEqualTo("shop/env");
        assertThat(entry.path("cap").asInt()).isZero();
        assertThat(entry.path("collections").toString()).isEqualTo("[\"Prod\",\"Edge\"]");
        assertThat(CONSOLE.get().requests("POST", "settings/registry").get(0).query()).contains("scanLater=true");
        assertThat(work.resolve("reports/result.json")).exists();
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() throws Exception {
        Map<String, String> environment = login();
        environment.putAll(env("PRISMA_CONSOLE_URL", "http://127.0.0.1:1", "PRISMA_CAP", "9",
                "PRISMA_IMAGE", "registry.example.com/shop/ignored:1"));

        CliRun run = cli(environment, "register", "--console-url", url(), "--cap", "3",
                "--image", "registry.example.com/shop/given:1", "--output=json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode entry = JSON.readTree(run.out()).path("entry");
        assertThat(entry.path("repository").asText()).isEqualTo("shop/given");
        assertThat(entry.path("cap").asInt()).isEqualTo(3);
        assertThat(repositories()).doesNotContain("shop/ignored");
    }

    @Test
    void secretsFromFiles() throws Exception {
        Path tokenFile = Files.writeString(work.resolve("token"), TOKEN + "\n");

        CliRun run = cli(Map.of(), "register", "--console-url", url(), "--token-file", tokenFile.toString(),
                "--image", "registry.example.com/shop/file:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path passwordFile = Files.writeString(work.resolve("password"), PASSWORD);
        CliRun login = cli(Map.of(), "unregister", "--console-url", url(), "--username", "ci-user",
                "--password-file", passwordFile.toString(), "--image", "registry.example.com/shop/file:1");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("REMOVED");
    }

    @Test
    void githubOutputsAndStepSummary() throws Exception {
        Path outputs = work.resolve("github-output");
        Path summary = Files.writeString(work.resolve("github-summary.md"), "earlier step\n");
        Map<String, String> environment = login();
        environment.put("GITHUB_OUTPUT", outputs.toString());
        environment.put("GITHUB_STEP_SUMMARY", summary.toString());

        CliRun run = cli(environment, "register", "--console-url", url(), "--image", "registry.example.com/shop/gh:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(outputs, StandardCharsets.UTF_8);
        assertThat(lines).contains("action=ADDED", "changed=true", "images=1", "entries-before=" + SEEDED,
                "entries-after=" + (SEEDED + 1), "writes=1",
                "result-file=" + work.resolve("prisma-registry/result.json").toRealPath());
        assertThat(lines).anyMatch(l -> l.startsWith("backup-file=") && l.length() > "backup-file=".length());
        String markdown = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("earlier step\n").contains("### prisma-registry register",
                "| [2] registry.example.com/shop/gh | ADDED |");
    }

    @Test
    void exit2OnUsageAndConfigurationErrors() throws Exception {
        assertThat(cli(login(), "register", "--image", "registry.example.com/a/b:1").err())
                .contains("--console-url (PRISMA_CONSOLE_URL)");
        for (CliRun run : List.of(
                cli(login(), "register", "--image", "registry.example.com/a/b:1"),
                cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1", "--cap", "x"),
                cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1",
                        "--scan-later=yes"),
                cli(login(), "register", "--console-url", url(), "--image", "Not An Image"),
                cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1",
                        "--skip-tls-verify=maybe"),
                cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1",
                        "--output", "yaml"),
                cli(login(), "register", "--console-url", url(), "--no-such-option"),
                cli(Map.of(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1"),
                cli(login(), "frobnicate"),
                cli(login()))) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        }
        assertThat(CONSOLE.get().writeCount()).isZero();
    }

    @Test
    void exit4WhenTheConsoleRefusesTheLogin() throws Exception {
        CliRun run = cli(env("PRISMA_USERNAME", "ci-user", "PRISMA_PASSWORD", "wrong-" + PASSWORD),
                "register", "--console-url", url(), "--image", "registry.example.com/a/b:1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
        assertThat(run.err()).contains("401", "PRISMA_USERNAME and PRISMA_PASSWORD");
    }

    @Test
    void exit4WithoutPermission() throws Exception {
        CliRun run = cli(env("PRISMA_USERNAME", "auditor", "PRISMA_PASSWORD", PASSWORD),
                "register", "--console-url", url(), "--image", "registry.example.com/a/b:1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
    }

    @Test
    void exit4WhenTheConsoleCannotBeReached() throws Exception {
        CliRun run = cli(login(), "register", "--console-url", "http://127.0.0.1:1", "--retries", "0",
                "--image", "registry.example.com/a/b:1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
    }

    @Test
    void failOnErrorFalseTurnsAConsoleErrorIntoAWarningButNotAUsageError() throws Exception {
        CliRun unreachable = cli(login(), "register", "--console-url", "http://127.0.0.1:1", "--retries", "0",
                "--image", "registry.example.com/a/b:1", "--fail-on-error=false");
        CliRun misused = cli(login(), "register", "--console-url", url(), "--cap", "-3",
                "--image", "registry.example.com/a/b:1", "--fail-on-error=false");

        assertThat(unreachable.exitCode()).as(unreachable.toString()).isZero();
        assertThat(unreachable.err()).contains("warning:", "--fail-on-error is false", "would have been 4");
        assertThat(misused.exitCode()).as(misused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(misused.err()).contains("--cap must be 0 or more");
    }

    @Test
    void anHttpsConsoleWithAPrivateCaIsTrustedThroughARelativeCaCertificateFile() throws Exception {
        try (ConsoleSimulator tls = ConsoleSimulator.builder().tls(true).user("ci-user", PASSWORD).start()) {
            Files.copy(tls.caCertificateFile(), work.resolve("console-ca.pem"));
            String[] args = {"register", "--console-url", tls.url(), "--image", "registry.example.com/shop/tls:1"};

            CliRun untrusted = cli(login(), args);
            CliRun trusted = cli(login(), concat(args, "--ca-certificate", "console-ca.pem"));

            assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
            assertThat(untrusted.err()).contains("--ca-certificate");
            assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
            assertThat(tls.entryCount()).isEqualTo(1);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void exit4WhenTheConsoleFails() throws Exception {
        CONSOLE.get().inject(Fault.on("GET", "settings/registry").respond(500, "{\"err\":\"database down\"}").always());

        CliRun run = cli(login(), "register", "--console-url", url(), "--image", "registry.example.com/a/b:1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
        assertThat(run.err()).contains("database down");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNeverRepeated() throws Exception {
        CliRun run = cli(env("PRISMA_USERNAME", "ci-user"), "register", "--console-url", url(),
                "--image", "registry.example.com/a/b:1", "--password", PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--password", "PRISMA_PASSWORD", "--password-file");
        assertThat(run.all()).doesNotContain(PASSWORD);
    }

    @Test
    void theCanarySecretsAppearInNoOutputAndNoFile() throws Exception {
        Path outputs = work.resolve("github-output");
        Path summary = work.resolve("github-summary.md");
        Map<String, String> withLogin = login();
        withLogin.putAll(env("GITHUB_OUTPUT", outputs.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
        Map<String, String> withToken = env("PRISMA_TOKEN", TOKEN, "GITHUB_OUTPUT", outputs.toString());
        Map<String, String> badLogin = env("PRISMA_USERNAME", "ci-user", "PRISMA_PASSWORD", PASSWORD + "-typo");
        String image = "registry.example.com/shop/canary:1";

        StringBuilder printed = new StringBuilder();
        for (CliRun run : List.of(
                cli(withLogin, "register", "--console-url", url(), "--image", image, "--verbose"),
                cli(withToken, "register", "--console-url", url(), "--image", image, "--verbose", "--output", "json"),
                cli(withLogin, "unregister", "--console-url", url(), "--image", image, "--verbose"),
                cli(badLogin, "register", "--console-url", url(), "--image", image, "--verbose"))) {
            printed.append(run.all());
        }

        assertThat(printed).contains("ADDED", "ALREADY_COVERED", "REMOVED", "401");
        assertThat(printed.toString()).doesNotContain(PASSWORD, TOKEN);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
                        .doesNotContain(PASSWORD, TOKEN);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "unregister", "scan", "version", "help"})
    void helpForEveryCommand(String command) throws Exception {
        CliRun viaFlag = cli(Map.of(), command, "--help");
        CliRun viaHelp = cli(Map.of(), "help", command);

        assertThat(viaFlag.exitCode()).as(viaFlag.toString()).isZero();
        assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
        assertThat(viaFlag.out()).contains("Usage: prisma-registry " + command).isEqualTo(viaHelp.out());
    }

    @Test
    void versionNamesTheBuiltVersion() throws Exception {
        CliRun run = cli(Map.of(), "version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("prisma-registry \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java 17.*\\)\\s*");
    }
}
