package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.ScanStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The scan goal end to end in this JVM, against the console simulator over HTTP. */
class ScanGoalAgainstSimulatorTest {

    private static final String CANARY_PASSWORD = "scan-Canary-Pw-7309";
    private static final String REGISTRY = "registry.example.com";
    private static final String CLEAN = REGISTRY + "/shop/checkout:1.4.2";
    private static final String VULNERABLE = REGISTRY + "/shop/payments:2.0.0";

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(
            ConsoleSimulator.builder().seed(20).user("ci-user", CANARY_PASSWORD));

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private <T extends ConsoleMojo> T configure(T mojo) {
        return GoalFixture.configure(mojo, console.get().url(), "ci-user", CANARY_PASSWORD, dir, log);
    }

    /** A scan goal with the defaults Maven would inject, polling every second. */
    private ScanMojo scan(String image) {
        ScanMojo mojo = configure(new ScanMojo(SettingsFixture.decrypter()));
        mojo.image = image;
        mojo.failOnSeverity = "critical";
        mojo.ignoreUnfixed = "false";
        mojo.failOnConsoleBlock = "true";
        mojo.scanTimeout = "60";
        mojo.pollInterval = "1";
        return mojo;
    }

    private void register(String image) throws Exception {
        RegisterMojo mojo = configure(new RegisterMojo(SettingsFixture.decrypter()));
        mojo.image = image;
        mojo.execute();
    }

    private void addClean() {
        console.get().addImage(CatalogueImage.of(REGISTRY, "shop/checkout", "1.4.2"));
    }

    private void addVulnerable() {
        console.get().addImage(CatalogueImage.of(REGISTRY, "shop/payments", "2.0.0")
                .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
                        "fixed in 5.6.2"))
                .withVulnerability(CatalogueImage.vulnerability("CVE-2023-4911", "important", 7.8, "glibc", "2.37",
                        "fixed in 2.38"))
                .withVulnerability(CatalogueImage.vulnerability("CVE-2022-0001", "low", 2.1, "bash", "5.1", "")));
    }

    private JsonNode scanResultFile() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("prisma-registry/scan-result.json").toFile());
    }

    private List<ScanStart> imageScans() {
        return console.get().scanStarts().stream().filter(s -> s.scope() == ScanStart.Scope.IMAGE).toList();
    }

    @Test
    void cleanImagePassesLogsTheTableAndWritesTheFourReports() throws Exception {
        addClean();
        register(CLEAN);

        scan(CLEAN).execute();

        assertThat(scanResultFile().get("verdict").asText()).isEqualTo("PASSED");
        assertThat(dir.resolve("prisma-registry")).isDirectoryContaining("glob:**/scan-result.json")
                .isDirectoryContaining("glob:**/scan-result.sarif.json")
                .isDirectoryContaining("glob:**/scan-result.junit.xml")
                .isDirectoryContaining("glob:**/scan-summary.md");
        assertThat(log.lines).anyMatch(line -> line.startsWith("INFO Prisma scan PASSED"));
        assertThat(log.lines).anyMatch(line -> line.startsWith("INFO   report: ") && line.endsWith("scan-result.sarif.json"));
        assertThat(imageScans()).singleElement().satisfies(s -> {
            assertThat(s.repository()).isEqualTo("shop/checkout");
            assertThat(s.tag()).isEqualTo("1.4.2");
            assertThat(s.onDemand()).isTrue();
        });
    }

    @Test
    void criticalVulnerabilityFailsTheGateNamingTheCve() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        assertThatThrownBy(scan(VULNERABLE)::execute)
                .isInstanceOf(MojoFailureException.class)
                .isInstanceOf(GateFailedException.class)
                .hasMessageContaining("Prisma scan gate FAILED for " + VULNERABLE)
                .hasMessageContaining("CVE-2024-3094")
                .hasMessageNotContaining("CVE-2023-4911");
        assertThat(scanResultFile().get("verdict").asText()).isEqualTo("FAILED");
    }

    @Test
    void importantCountsAsHighWhenTheGateFailsOnHigh() throws Exception {
        addVulnerable();
        register(VULNERABLE);
        ScanMojo mojo = scan(VULNERABLE);
        mojo.failOnSeverity = "HIGH";
        mojo.ignoredVulnerabilities = List.of("CVE-2024-3094");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(GateFailedException.class)
                .hasMessageContaining("CVE-2023-4911 (high 7.8")
                .hasMessageNotContaining("CVE-2024-3094 (");
    }

    @Test
    void gateFailureStaysAFailureWithFailOnErrorFalse() throws Exception {
        addVulnerable();
        register(VULNERABLE);
        ScanMojo mojo = scan(VULNERABLE);
        mojo.failOnError = "false";

        assertThatThrownBy(mojo::execute).isInstanceOf(GateFailedException.class);
        assertThat(log.lines).noneMatch(line -> line.contains("the build continues"));
    }

    @Test
    void reportOnlyPassesAndStillListsEveryVulnerability() throws Exception {
        addVulnerable();
        register(VULNERABLE);
        ScanMojo mojo = scan(VULNERABLE);
        mojo.failOnSeverity = "none";

        mojo.execute();

        JsonNode result = scanResultFile();
        assertThat(result.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(result.get("counts").get("total").asInt()).isEqualTo(3);
        assertThat(result.get("leftOut")).hasSize(3);
    }

    @Test
    void imageNoEntryCoversIsAnErrorAndNoScanIsTriggered() {
        addClean();

        assertThatThrownBy(scan(CLEAN)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("register");
        assertThat(imageScans()).isEmpty();
    }

    @Test
    void failOnErrorFalseTurnsAnErrorIntoAWarning() throws Exception {
        addClean();
        ScanMojo mojo = scan(CLEAN);
        mojo.failOnError = "false";

        mojo.execute();

        assertThat(log.lines).anyMatch(line -> line.startsWith(
                "WARN prisma-registry:scan failed; the build continues because failOnError is false"));
    }

    @Test
    void scanThatNeverFinishesIsATimeoutErrorNotAGateFailure() throws Exception {
        console.get().addImage(CatalogueImage.of(REGISTRY, "shop/checkout", "1.4.2").neverFinishes());
        register(CLEAN);
        ScanMojo mojo = scan(CLEAN);
        mojo.scanTimeout = "2";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .isNotInstanceOf(MojoFailureException.class);
    }

    @Test
    void imageFromJibIsScannedByItsPushedDigest() throws Exception {
        CatalogueImage image = CatalogueImage.of(REGISTRY, "shop/checkout", "1.4.2");
        console.get().addImage(image);
        register(CLEAN);
        ScanMojo mojo = scan(null);
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"" + CLEAN + "\",\"imageDigest\":\"" + image.digest()
                + "\",\"tags\":[\"1.4.2\"],\"imagePushed\":true}");

        mojo.execute();

        assertThat(imageScans()).singleElement().satisfies(s -> assertThat(s.digest()).isEqualTo(image.digest()));
        assertThat(scanResultFile().get("digest").asText()).isEqualTo(image.digest());
    }

    @Test
    void pollIntervalBelowOneSecondFailsNamingElementAndProperty() {
        ScanMojo mojo = scan(CLEAN);
        mojo.pollInterval = "0";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<pollInterval> / -DprismaRegistry.pollInterval");
        assertThat(console.get().requests()).isEmpty();
    }

    @Test
    void unknownSeverityFailsNamingElementAndProperty() {
        ScanMojo mojo = scan(CLEAN);
        mojo.failOnSeverity = "severe";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<failOnSeverity> / -DprismaRegistry.failOnSeverity")
                .hasMessageContaining("critical, high, medium, low, none");
    }

    @Test
    void passwordReachesNoLogAndNoReport() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        assertThatThrownBy(scan(VULNERABLE)::execute).isInstanceOf(GateFailedException.class);

        assertThat(log.text()).doesNotContain(CANARY_PASSWORD);
        try (Stream<Path> files = Files.walk(dir.resolve("prisma-registry"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CANARY_PASSWORD);
            }
        }
    }
}
