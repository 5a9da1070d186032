package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.ScanStart;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The scan call as the step runs it, against the console simulator over HTTP. */
class ScanTaskTest {

    private static final String CANARY = "canary-pw-5d1e8b3a7c";
    private static final String REGISTRY = "registry.example.com";
    private static final String CLEAN = REGISTRY + "/team/app:1.4.2";
    private static final String VULNERABLE = REGISTRY + "/team/api:2.0.0";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", CANARY).seed(20));

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

    /** A scan of the image, polling every second. */
    private static StepArguments scanOf(String image) {
        return new StepArguments().image(image).set(Parameters.POLL_INTERVAL, 1);
    }

    private ScanTask.Outcome scan(StepArguments arguments) throws Exception {
        return new ScanTask(arguments, settings(), "test")
                .run(() -> ConsoleCredentials.usernamePassword("ci", CANARY), null, workDir(), log);
    }

    private void register(String image) throws Exception {
        new RegistrationTask(Operation.REGISTER, new StepArguments().image(image), settings(), "test")
                .run(() -> ConsoleCredentials.usernamePassword("ci", CANARY), null, workDir(), log);
    }

    private void addVulnerable() {
        simulator.get().addImage(CatalogueImage.of(REGISTRY, "team/api", "2.0.0")
                .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
                        "fixed in 5.6.2"))
                .withVulnerability(CatalogueImage.vulnerability("CVE-2023-4911", "important", 7.8, "glibc", "2.37", "")));
    }

    @Test
    void cleanImagePassesAndTheMapCarriesVerdictCountsTimeLinkAndReports() throws Exception {
        simulator.get().addImage(CatalogueImage.of(REGISTRY, "team/app", "1.4.2"));
        register(CLEAN);

        ScanTask.Outcome outcome = scan(scanOf(CLEAN));

        assertThat(outcome.failsBuild()).isFalse();
        Map<String, Object> result = outcome.result();
        assertThat(result).containsEntry("verdict", "PASSED").containsEntry("operation", "scan")
                .containsEntry("image", CLEAN).containsKeys("counts", "counted", "scanTime", "consoleImageLink");
        assertThat(result.get("scanTime")).isNotNull();
        assertThat((List<?>) result.get("reportFiles")).hasSize(4);
        assertThat(outcome.reportFiles()).allMatch(Files::isRegularFile)
                .allMatch(file -> file.getParent().equals(workDir()));
        assertThat(ResultFiles.list(workDir())).anyMatch(name -> name.startsWith("result-scan-"))
                .contains("scan-result.json", "scan-result.sarif.json", "scan-result.junit.xml", "scan-summary.md");
        assertThat(log()).contains("Prisma scan PASSED");
    }

    @Test
    void theBuildPageReadsTheScanFromItsResultFile() throws Exception {
        addVulnerable();
        register(VULNERABLE);
        scan(scanOf(VULNERABLE));

        List<CallSummary> calls = CallSummary.readAll(workDir());

        assertThat(calls).extracting(CallSummary::getOperation).containsExactly("register", "scan");
        CallSummary scan = calls.get(1);
        assertThat(scan.getTarget()).isEqualTo(VULNERABLE);
        assertThat(scan.getAction()).isEqualTo("FAILED");
        assertThat(scan.getSeverityCounts()).isEqualTo("critical 1, high 1, medium 0, low 0");
    }

    @Test
    void failedGateFailsTheBuildWithTheSummaryNamingTheCve() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        ScanTask.Outcome outcome = scan(scanOf(VULNERABLE).failOnError(false));

        assertThat(outcome.failsBuild()).isTrue();
        assertThat(outcome.failure()).startsWith("Prisma scan gate FAILED for " + VULNERABLE)
                .contains("CVE-2024-3094").doesNotContain("CVE-2023-4911");
        assertThat(outcome.result()).containsEntry("verdict", "FAILED");
        assertThat((List<?>) outcome.result().get("counted")).singleElement()
                .satisfies(v -> assertThat(((Map<?, ?>) v).get("cve")).isEqualTo("CVE-2024-3094"));
        assertThat(outcome.reportFiles()).hasSize(4);
    }

    @Test
    void gateArgumentsReachThePolicy() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        ScanTask.Outcome outcome = scan(scanOf(VULNERABLE).set(Parameters.FAIL_ON_SEVERITY, "high")
                .set(Parameters.IGNORE_UNFIXED, true).set(Parameters.IGNORED_VULNERABILITIES, "CVE-2024-3094"));

        assertThat(outcome.failsBuild()).isFalse();
        assertThat(outcome.result()).containsEntry("verdict", "PASSED");
        Map<?, ?> policy = (Map<?, ?>) outcome.result().get("policy");
        assertThat(policy.get("failOnSeverity")).isEqualTo("high");
        assertThat(policy.get("ignoreUnfixed")).isEqualTo(true);
        assertThat((List<?>) outcome.result().get("leftOut")).hasSize(2);
    }

    @Test
    void errorWithFailOnErrorFalseReturnsVerdictErrorAndAMessage() throws Exception {
        simulator.get().addImage(CatalogueImage.of(REGISTRY, "team/app", "1.4.2"));

        ScanTask.Outcome outcome = scan(scanOf(CLEAN).failOnError(false));

        assertThat(outcome.failsBuild()).isFalse();
        assertThat(outcome.result()).containsEntry("verdict", ScanTask.ERROR).containsEntry("operation", "scan");
        assertThat((String) outcome.result().get("message")).startsWith("Could not scan " + CLEAN).contains("register");
        assertThat(simulator.get().scanStarts()).noneMatch(s -> s.scope() == ScanStart.Scope.IMAGE);
        assertThat(log()).contains("WARNING: Could not scan");
        assertThat(ResultFiles.list(workDir())).anyMatch(name -> name.startsWith("result-scan-"));
    }

    @Test
    void errorWithFailOnErrorOnFailsTheBuildWithTheMessage() throws Exception {
        simulator.get().addImage(CatalogueImage.of(REGISTRY, "team/app", "1.4.2"));

        ScanTask.Outcome outcome = scan(scanOf(CLEAN));

        assertThat(outcome.failsBuild()).isTrue();
        assertThat(outcome.failure()).startsWith("Could not scan " + CLEAN);
        assertThat(outcome.result()).containsEntry("verdict", ScanTask.ERROR);
    }

    @Test
    void scanThatNeverFinishesIsAnErrorNotAFailedGate() throws Exception {
        simulator.get().addImage(CatalogueImage.of(REGISTRY, "team/app", "1.4.2").neverFinishes());
        register(CLEAN);

        ScanTask.Outcome outcome = scan(scanOf(CLEAN).set(Parameters.SCAN_TIMEOUT, 2).failOnError(false));

        assertThat(outcome.result()).containsEntry("verdict", ScanTask.ERROR)
                .containsEntry("errorType", "ScanTimeoutException");
    }

    @Test
    void invalidArgumentsNameTheStepField() throws Exception {
        ScanTask.Outcome outcome = scan(scanOf(CLEAN).set(Parameters.FAIL_ON_SEVERITY, "severe").failOnError(false));

        assertThat(outcome.result()).containsEntry("verdict", ScanTask.ERROR).containsEntry("parameter", "failOnSeverity");
        assertThat((String) outcome.result().get("message")).contains("failOnSeverity must be one of critical, high");
        assertThat(simulator.get().requests()).isEmpty();
    }

    @Test
    void noImageIsAnErrorNamingTheField() throws Exception {
        ScanTask.Outcome outcome = scan(new StepArguments().set(Parameters.POLL_INTERVAL, 1).failOnError(false));

        assertThat(outcome.result()).containsEntry("parameter", "image");
    }

    @Test
    void returnedMapsHoldOnlyJdkTypesAndSurviveSerialisation() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        for (ScanTask.Outcome outcome : List.of(scan(scanOf(VULNERABLE)),
                scan(scanOf("registry.example.com/team/none:1").failOnError(false)))) {
            assertPlain(outcome.result());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(outcome.result());
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).isEqualTo(outcome.result());
            }
        }
    }

    private static void assertPlain(Object value) {
        if (value == null) {
            return;
        }
        assertThat(PlainTypes.isPlain(value.getClass())).as(value.getClass().getName()).isTrue();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(ScanTaskTest::assertPlain);
        } else if (value instanceof List<?> list) {
            list.forEach(ScanTaskTest::assertPlain);
        }
    }

    @Test
    void passwordReachesNoLogNoResultAndNoReport() throws Exception {
        addVulnerable();
        register(VULNERABLE);

        scan(scanOf(VULNERABLE));

        assertThat(log()).doesNotContain(CANARY);
        try (Stream<Path> files = Files.walk(workDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CANARY);
            }
        }
    }
}
