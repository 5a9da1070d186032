package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The build pages' view of the calls, read from the result files that real calls against the simulator wrote. */
class CallSummaryTest {

    private static final String PASSWORD = "canary-pw-51c0ffee";
    private static final String IMAGE = "registry.example.com/team/app:1.4.2";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(300));

    @TempDir
    Path buildDir;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Path workDir() {
        return buildDir.resolve(ResultFiles.DIRECTORY);
    }

    private void call(Operation operation, StepArguments arguments, String password) throws Exception {
        new RegistrationTask(operation, arguments,
                ConnectionSettings.builder().consoleUrl(simulator.get().url()).retries(0).build(), "test")
                .run(() -> ConsoleCredentials.usernamePassword("ci", password), null, workDir(), log);
    }

    @Test
    void eachCallIsOneLineWithItsEntryOutcomeCountsWritesAndDuration() throws Exception {
        call(Operation.REGISTER, new StepArguments().image(IMAGE), PASSWORD);
        call(Operation.REGISTER, new StepArguments().image(IMAGE), PASSWORD);
        call(Operation.UNREGISTER, new StepArguments().image(IMAGE), PASSWORD);

        List<CallSummary> calls = CallSummary.readAll(workDir());

        assertThat(calls).extracting(CallSummary::getOperation).containsExactly("register", "register", "unregister");
        assertThat(calls).extracting(CallSummary::getAction).containsExactly("ADDED", "ALREADY_COVERED", "REMOVED");
        assertThat(calls).extracting(CallSummary::getNumber).containsExactly(1, 2, 3);
        assertThat(calls).extracting(CallSummary::getAnchor).containsExactly("call-1", "call-2", "call-3");
        CallSummary added = calls.get(0);
        assertThat(added.getTarget()).isEqualTo("[2] registry.example.com/team/app");
        assertThat(added.getEntries()).isEqualTo("300 \u2192 301");
        assertThat(added.getWrites()).isEqualTo("1 write");
        assertThat(added.getDuration()).matches("\\d+ ms|\\d+\\.\\d s");
        assertThat(added.isFailed()).isFalse();
        assertThat(added.getTime()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(added.getLine()).startsWith("register [2] registry.example.com/team/app: ADDED, entries 300 \u2192 301, 1 write, ")
                .doesNotContain("null");
        assertThat(calls.get(1).getWrites()).isEqualTo("no write");
        assertThat(calls.get(1).getLine()).contains(": ALREADY_COVERED, entries 301 \u2192 301, no write, ");
        assertThat(calls.get(2).getEntries()).isEqualTo("301 \u2192 300");
        assertThat(added.getDetails()).hasSize(2).last().isEqualTo("saving started a scan");
        assertThat(added.getDetails().get(0)).startsWith("Console " + simulator.get().url() + " (version ");
        assertThat(calls.get(1).getDetails()).first().asString().startsWith("covered by [2] registry.example.com/team/app");
        assertThat(calls.get(1).getDetails()).noneMatch(d -> d.contains("scan"));
    }

    @Test
    void theBackupOfACallThatWroteIsNamedByItsFileInTheFolder() throws Exception {
        call(Operation.REGISTER, new StepArguments().image(IMAGE), PASSWORD);
        call(Operation.REGISTER, new StepArguments().image(IMAGE), PASSWORD);

        List<CallSummary> calls = CallSummary.readAll(workDir());

        assertThat(calls.get(0).getBackupFileName()).startsWith("prisma-registry-backup-").doesNotContain("/");
        assertThat(ResultFiles.list(workDir())).contains(calls.get(0).getBackupFileName());
        assertThat(calls.get(1).getBackupFileName()).isEmpty();
    }

    @Test
    void aFailedCallShowsItsMessageAndWhatItWasAskedToDo() throws Exception {
        call(Operation.REGISTER, new StepArguments().image(IMAGE).failOnError(false), PASSWORD + "-wrong");

        CallSummary failed = CallSummary.readAll(workDir()).get(0);

        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.getAction()).isEqualTo("FAILED");
        assertThat(failed.getTarget()).isEqualTo(IMAGE);
        assertThat(failed.getMessage()).startsWith("Could not register " + IMAGE).doesNotContain(PASSWORD);
        assertThat(failed.getEntries()).isEmpty();
        assertThat(failed.getWrites()).isEmpty();
        assertThat(failed.getLine()).isEqualTo("register " + IMAGE + ": FAILED: " + failed.getMessage());
    }

    @Test
    void aScanShowsItsVerdictAndSeverityCounts() throws Exception {
        Files.createDirectories(workDir());
        Files.writeString(workDir().resolve("result-scan-20261204-101500-001.json"), """
                {"operation": "scan", "image": "registry.example.com/team/app:1.4.2", "verdict": "FAILED",
                 "counts": {"critical": 1, "high": 2, "medium": 5, "low": 0}, "durationMillis": 42000,
                 "message": "1 critical vulnerability at or above the failOnSeverity threshold"}
                """);
        Files.writeString(workDir().resolve("result-scan-20261204-101600-001.json"), """
                {"operation": "scan", "image": "registry.example.com/team/app:1.4.3", "verdict": "PASSED",
                 "counts": {"critical": 0, "high": 0, "medium": 1, "low": 3}}
                """);

        List<CallSummary> calls = CallSummary.readAll(workDir());

        assertThat(calls.get(0).isScan()).isTrue();
        assertThat(calls.get(0).isFailed()).isTrue();
        assertThat(calls.get(0).getSeverityCounts()).isEqualTo("critical 1, high 2, medium 5, low 0");
        assertThat(calls.get(0).getLine()).isEqualTo("scan registry.example.com/team/app:1.4.2: FAILED, "
                + "critical 1, high 2, medium 5, low 0, 42.0 s: 1 critical vulnerability at or above the failOnSeverity threshold");
        assertThat(calls.get(1).isFailed()).isFalse();
        assertThat(calls.get(1).getLine()).isEqualTo("scan registry.example.com/team/app:1.4.3: PASSED, critical 0, high 0, medium 1, low 3");
    }

    @Test
    void callsAreInTimeOrderWhateverTheirOperationAndBrokenFilesAreLeftOut() throws Exception {
        Files.createDirectories(workDir());
        Files.writeString(workDir().resolve("result-unregister-20261204-090000-000.json"), "{\"operation\": \"unregister\", \"action\": \"NOT_FOUND\"}");
        Files.writeString(workDir().resolve("result-register-20261204-100000-000.json"), "{\"operation\": \"register\", \"action\": \"ADDED\"}");
        Files.writeString(workDir().resolve("result-register-20261204-080000-000.json"), "not json");
        Files.writeString(workDir().resolve("result-register-20261204-070000-000.json"), "[1, 2]");
        Files.writeString(workDir().resolve("prisma-registry-backup-x.json"), "{\"operation\": \"register\"}");

        List<CallSummary> calls = CallSummary.readAll(workDir());

        assertThat(calls).extracting(CallSummary::getFileName).containsExactly(
                "result-unregister-20261204-090000-000.json", "result-register-20261204-100000-000.json");
        assertThat(calls.get(0).getLine()).isEqualTo("unregister: NOT_FOUND");
    }

    @Test
    void aBuildWithoutCallsHasNoLines() throws Exception {
        assertThat(CallSummary.readAll(workDir())).isEmpty();
    }
}
