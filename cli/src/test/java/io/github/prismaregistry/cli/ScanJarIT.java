package io.github.prismaregistry.cli;

import static io.github.prismaregistry.cli.CliRun.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} of the built jar, as its own process, against the simulator's scan side: every exit code. */
class ScanJarIT {

    static final String PASSWORD = "scan-Canary-Pw-7788";
    static final String REGISTRY = "registry.example.com";
    static final String IMAGE = REGISTRY + "/shop/checkout:1.4.2";

    @RegisterExtension
    static final ConsoleSimulatorExtension CONSOLE = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .user("ci-user", PASSWORD).seed(5));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static Map<String, String> login() {
        return env("PRISMA_USERNAME", "ci-user", "PRISMA_PASSWORD", PASSWORD, "PRISMA_POLL_INTERVAL", "1");
    }

    private CliRun cli(Map<String, String> environment, String... args) throws Exception {
        return CliRun.jar(environment, work, args);
    }

    private static CatalogueImage image() {
        return CatalogueImage.of(REGISTRY, "shop/checkout", "1.4.2").scanDuration(Duration.ofMillis(200));
    }

    private static CatalogueImage withCritical() {
        return image()
                .withVulnerability(CatalogueImage.vulnerability("CVE-2026-1000", "critical", 9.8, "openssl", "3.0.1",
                        "fixed in 3.0.9"))
                .withVulnerability(CatalogueImage.vulnerability("CVE-2026-2000", "low", 2.1, "zlib", "1.2", ""));
    }

    /** Registers the image with the jar itself, as a pipeline would before it scans. */
    private void registered(CatalogueImage image) throws Exception {
        CONSOLE.get().addImage(image);
        CliRun register = cli(login(), "register", "--console-url", CONSOLE.get().url(), "--image", IMAGE,
                "--scan-later");
        assertThat(register.exitCode()).as(register.toString()).isZero();
    }

    private CliRun scan(Map<String, String> environment, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--console-url", CONSOLE.get().url(),
                "--image", IMAGE));
        args.addAll(List.of(more));
        return cli(environment, args.toArray(new String[0]));
    }

    @Test
    void exit0WhenTheGatePassesWithReportsOutputsAndSummary() throws Exception {
        registered(image().withVulnerability(CatalogueImage.vulnerability("CVE-2026-3000", "medium", 5.0, "curl",
                "8.0", "fixed in 8.1")));
        Path outputs = work.resolve("github-output");
        Path summary = work.resolve("summary.md");
        Map<String, String> environment = login();
        environment.putAll(env("GITHUB_OUTPUT", outputs.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));

        CliRun run = scan(environment, "--sarif", "out/prisma.sarif", "--junit", "out/prisma-junit.xml");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Prisma scan PASSED", IMAGE);
        assertThat(CONSOLE.get().scanStarts()).hasSize(1);
        JsonNode sarif = JSON.readTree(work.resolve("out/prisma.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(Files.readString(work.resolve("out/prisma-junit.xml"), StandardCharsets.UTF_8)).contains("<testsuite");
        assertThat(work.resolve("prisma-registry/scan-result.json")).exists();
        List<String> lines = Files.readAllLines(outputs, StandardCharsets.UTF_8);
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf('='))).containsExactlyElementsOf(ScanCommand.OUTPUT_NAMES);
        assertThat(lines).contains("verdict=PASSED", "critical=0", "medium=1", "total=1",
                "sarif-file=" + work.resolve("out/prisma.sarif").toRealPath(),
                "junit-file=" + work.resolve("out/prisma-junit.xml").toRealPath(),
                "result-file=" + work.resolve("prisma-registry/scan-result.json").toRealPath());
        assertThat(Files.readString(summary, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(work.resolve("prisma-registry/scan-summary.md"), StandardCharsets.UTF_8));
    }

    @Test
    void exit1WhenTheGateFailsOnPolicy() throws Exception {
        registered(withCritical());

        CliRun run = scan(login(), "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.POLICY_FAILED);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(result.path("counted").findValuesAsText("cve")).containsExactly("CVE-2026-1000");
    }

    @Test
    void theGateFollowsItsOptions() throws Exception {
        registered(withCritical());

        CliRun ignored = scan(login(), "--ignored-vulnerabilities", "CVE-2026-1000");
        CliRun reportOnly = scan(login(), "--fail-on-severity", "none");
        CliRun strict = scan(login(), "--fail-on-severity", "LOW", "--ignored-vulnerabilities", "CVE-2026-1000");

        assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
        assertThat(reportOnly.exitCode()).as(reportOnly.toString()).isZero();
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.POLICY_FAILED);
        assertThat(strict.out()).contains("CVE-2026-2000");
    }

    @Test
    void exit3WhenTheScanDoesNotFinishInTime() throws Exception {
        registered(image().neverFinishes());

        CliRun run = scan(login(), "--scan-timeout", "2");
        CliRun tolerated = scan(login(), "--scan-timeout", "2", "--fail-on-error", "false");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SCAN_TIMEOUT);
        assertThat(run.err()).contains("--scan-timeout");
        assertThat(tolerated.exitCode()).as(tolerated.toString()).isZero();
        assertThat(tolerated.err()).contains("would have been 3");
    }

    @Test
    void exit4WhenTheConsoleFailsTheScanOrRefusesTheLogin() throws Exception {
        registered(image().scanError("No available Defender was found"));

        CliRun failed = scan(login());
        CliRun refused = scan(env("PRISMA_USERNAME", "ci-user", "PRISMA_PASSWORD", "not-" + PASSWORD));

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
        assertThat(failed.err()).contains("No available Defender was found");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.CONSOLE_ERROR);
    }

    @Test
    void exit2WhenTheImageIsNotRegisteredOrTheGateIsMisspelt() throws Exception {
        CONSOLE.get().addImage(image());

        CliRun unregistered = scan(login());
        CliRun misspelt = scan(login(), "--fail-on-severity", "severe");

        assertThat(unregistered.exitCode()).as(unregistered.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(unregistered.err()).contains("prisma-registry register --image " + IMAGE);
        assertThat(CONSOLE.get().scanStarts()).isEmpty();
        assertThat(misspelt.exitCode()).as(misspelt.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(misspelt.err()).contains("--fail-on-severity must be one of critical, high, medium, low, none");
    }

    @Test
    void theCanarySecretIsInNoOutputAndNoReport() throws Exception {
        registered(withCritical());

        CliRun run = scan(login(), "--verbose", "--sarif", "s.json", "--junit", "j.xml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.POLICY_FAILED);
        assertThat(run.all()).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(PASSWORD);
            }
        }
    }
}
