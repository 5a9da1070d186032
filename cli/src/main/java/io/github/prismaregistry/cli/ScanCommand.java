package io.github.prismaregistry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.scan.ImageNotCoveredException;
import io.github.prismaregistry.scan.ImageScanner;
import io.github.prismaregistry.scan.ScanReports;
import io.github.prismaregistry.scan.ScanResult;
import io.github.prismaregistry.scan.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scan}: the Console scans the image on demand and the gate judges that scan. Exit 0 when it passes, 1 when it
 * fails on policy; anything that keeps it from judging is an error with its own exit code, never a verdict.
 */
final class ScanCommand {

    /** The step outputs a scan writes on GitHub Actions. */
    static final List<String> OUTPUT_NAMES = List.of("verdict", "critical", "high", "medium", "low", "total",
            "counted", "result-file", "sarif-file", "junit-file", "summary-file");
    static final String SARIF = "sarif";
    static final String JUNIT = "junit";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CommandSettings settings;
    private final PrintWriter out;
    private final StderrLog log;

    ScanCommand(CommandSettings settings, PrintWriter out, StderrLog log) {
        this.settings = settings;
        this.out = out;
        this.log = log;
    }

    int run() throws UsageException, PrismaRegistryException, InterruptedException {
        settings.createOutputDirectory();
        ScanResult result;
        try (ImageScanner scanner = ImageScanner.builder(settings.connection).log(log).build()) {
            result = scanner.scan(settings.values.scanRequest().outputDirectory(settings.outputDirectory).build());
        } catch (ImageNotCoveredException e) {
            throw new ImageNotCoveredException(e.getMessage() + " With this tool: prisma-registry register --image "
                    + settings.values.get(io.github.prismaregistry.parameters.Parameters.IMAGE) + ".");
        } catch (ConsoleAuthenticationException | ConsolePermissionException e) {
            throw new ConsoleAuthenticationException(e.getMessage() + " The credentials came from "
                    + settings.credentials.source() + ".", e);
        }
        Map<String, String> copies = new LinkedHashMap<>();
        copies.put("sarif-file", copy(SARIF, settings.outputDirectory.resolve(ScanReports.SARIF)));
        copies.put("junit-file", copy(JUNIT, settings.outputDirectory.resolve(ScanReports.JUNIT)));
        print(result);
        GithubActions github = GithubActions.from(settings.environment());
        github.writeOutputs(outputs(result, copies));
        github.appendSummary(readSummary());
        return result.passed() ? ExitCode.OK : ExitCode.POLICY_FAILED;
    }

    private void print(ScanResult result) {
        if (settings.json) {
            try {
                out.println(JSON.writeValueAsString(result.toMap()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            result.summaryLines().forEach(out::println);
            out.println("  reports: " + settings.outputDirectory);
        }
        out.flush();
    }

    /** Copies a report where {@code --sarif}/{@code --junit} asks for it; the path to name in outputs. */
    private String copy(String option, Path report) throws UsageException {
        String target = settings.raw.get(option);
        if (target == null) {
            return report.toString();
        }
        Path file = settings.workingDirectory().resolve(target);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.copy(report, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UsageException("Cannot write " + settings.raw.source(option) + " " + file + ": " + e.getMessage());
        }
        return file.toString();
    }

    private Map<String, String> outputs(ScanResult result, Map<String, String> copies) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("verdict", result.verdict().name());
        int total = 0;
        for (Severity s : Severity.values()) {
            int n = result.counts().getOrDefault(s, 0);
            outputs.put(s.label(), Integer.toString(n));
            total += n;
        }
        outputs.put("total", Integer.toString(total));
        outputs.put("counted", Integer.toString(result.counted().size()));
        outputs.put("result-file", settings.outputDirectory.resolve(ScanReports.JSON).toString());
        outputs.putAll(copies);
        outputs.put("summary-file", settings.outputDirectory.resolve(ScanReports.SUMMARY).toString());
        return outputs;
    }

    private String readSummary() throws UsageException {
        Path summary = settings.outputDirectory.resolve(ScanReports.SUMMARY);
        try {
            return Files.readString(summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read the scan summary " + summary + ": " + e.getMessage());
        }
    }
}
