package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates the SARIF report with Microsoft's SARIF validator ({@code @microsoft/sarif-multitool} from the npm registry,
 * installed by the build through {@code build-support/install-sarif-validator.sh}): the SARIF 2.1.0 schema and its rules.
 */
class SarifValidationTest extends ScanTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension();

    private static Path validator;

    @BeforeAll
    static void findTheValidator() throws Exception {
        Assumptions.assumeTrue(onPath("npm"), "npm is not on the PATH, so the build did not install the SARIF validator"
                + " (@microsoft/sarif-multitool from the npm registry): the SARIF report is not validated on this machine");
        String home = System.getProperty("prismaRegistry.sarifValidatorHome");
        assertThat(home).as("the build sets prismaRegistry.sarifValidatorHome; run this test through Maven").isNotNull();
        Path module = Path.of(home, "node_modules", "@microsoft", "sarif-multitool");
        assertThat(module).as("npm is on the PATH, so build-support/install-sarif-validator.sh should have installed the"
                + " validator here").isDirectory();
        // The package resolves to the self-contained binary for this platform; run that directly, without a shell.
        Process node = new ProcessBuilder("node", "-e", "process.stdout.write(require(process.argv[1]))", module.toString())
                .redirectErrorStream(true).start();
        String binary = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.waitFor()).as("node resolving the validator: " + binary).isZero();
        validator = Path.of(binary);
        assertThat(validator).isExecutable();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** The validator's findings of level error (schema violations and rule errors), as "ID: message arguments". */
    private List<String> errors(Path sarif) throws IOException, InterruptedException {
        Path output = sarif.resolveSibling(sarif.getFileName() + ".validation.sarif");
        Process process = new ProcessBuilder(validator.toString(), "validate", sarif.toString(), "--output",
                output.toString(), "--log", "ForceOverwrite").redirectErrorStream(true).start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(console).isZero();
        JsonNode log = Json.MAPPER.readTree(output.toFile());
        assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).as(console).isTrue();
        List<String> errors = new ArrayList<>();
        System.out.println("SARIF validator findings for " + sarif.getFileName() + ": " + log.at("/runs/0/results").size());
        for (JsonNode finding : log.at("/runs/0/results")) {
            System.out.println("  " + finding.path("level").asText("warning") + " " + finding.path("ruleId").asText() + " "
                    + finding.path("message").path("arguments"));
            if ("error".equals(finding.path("level").asText("warning"))) {
                errors.add(finding.path("ruleId").asText() + ": " + finding.path("message").path("arguments"));
            }
        }
        return errors;
    }

    @Test
    void theSarifReportOfAFailedScanIsValidSarif210() throws Exception {
        scanVulnerableImage(simulator.get());

        assertThat(errors(reports.resolve(ScanReports.SARIF))).isEmpty();
    }

    @Test
    void theSarifReportOfACleanScanIsValidSarif210() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image());
        try (ImageScanner scanner = scanner(sim)) {
            scanner.scan(request().outputDirectory(reports).build());
        }

        assertThat(errors(reports.resolve(ScanReports.SARIF))).isEmpty();
    }

    @Test
    void theValidatorRejectsABrokenLog() throws Exception {
        // Proves the check above can fail: a result without its required message, and a line number of 0.
        Path broken = reports.resolve("broken.sarif.json");
        Files.writeString(broken, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"CVE-1\",\"level\":\"error\",\"locations\":[{\"physicalLocation\":"
                + "{\"region\":{\"startLine\":0}}}]}]}]}");

        assertThat(errors(broken)).anySatisfy(error -> assertThat(error).startsWith("JSON"));
    }
}
