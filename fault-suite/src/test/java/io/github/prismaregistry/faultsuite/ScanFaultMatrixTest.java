package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.faultsuite.RequestSequence.Position;
import io.github.prismaregistry.scan.ImageScanner;
import io.github.prismaregistry.scan.ScanRequest;
import io.github.prismaregistry.scan.ScanResult;
import io.github.prismaregistry.scan.Verdict;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault the simulator can inject, at each kind of request a scan sends (login, discovery, the settings read,
 * the result read before the trigger, the trigger, the first progress and result looks after it). Each scan must end
 * in the right verdict (the image has a critical CVE; an older clean result is stored) or a typed error, never in a
 * wrong verdict, and never writes to the settings.
 */
@ExtendWith(ScenarioReport.class)
class ScanFaultMatrixTest {

    private static final String REPOSITORY = "matrix/scan-app";
    private static final String TAG = "2.0.1";
    private static List<Position> positions;

    static Stream<Arguments> scanCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Position p : positions()) {
            for (FaultMatrixTest.FaultKind f : FaultMatrixTest.faults()) {
                cases.add(Arguments.of(f.label() + " at " + label(p), p, f));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "scan: {0}")
    @MethodSource("scanCases")
    void aScanEndsInTheRightVerdictOrATypedError(String name, Position at, FaultMatrixTest.FaultKind fault)
            throws Exception {
        try (Harness h = prepared()) {
            h.sim.inject(fault.apply().apply(Fault.on(at.method(), at.endpoint()).nth(at.nth())));
            run("scan: " + name, h);
        }
    }

    private static Harness prepared() {
        Harness h = Harness.start(100, 2);
        List<ObjectNode> entries = h.sim.specifications();
        ObjectNode covering = Harness.foreignEntry(REPOSITORY);
        covering.put("registry", Harness.REGISTRY);
        entries.add(covering);
        h.sim.setSpecifications(entries);
        h.sim.storeScanResult(CatalogueImage.of(Harness.REGISTRY, REPOSITORY, TAG), Instant.now().minusSeconds(3600));
        h.sim.addImage(CatalogueImage.of(Harness.REGISTRY, REPOSITORY, TAG).scanDuration(Duration.ofMillis(300))
                .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
                        "fixed in 5.6.2")));
        return h;
    }

    private static ScanResult scan(Harness h, Path reports) throws PrismaRegistryException, InterruptedException {
        try (ImageScanner scanner = scanner(h)) {
            return scanner.scan(ScanRequest.builder().image(Harness.REGISTRY + "/" + REPOSITORY + ":" + TAG)
                    .pollInterval(Duration.ofMillis(60)).scanTimeout(Duration.ofSeconds(30)).outputDirectory(reports)
                    .build());
        }
    }

    private static ImageScanner scanner(Harness h) {
        try {
            return ImageScanner.builder(h.connection()).log(h.log()).build();
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("the harness built an invalid connection: " + e.getMessage(), e);
        }
    }

    private static void run(String name, Harness h) throws Exception {
        List<ObjectNode> before = h.sim.specifications();
        h.sim.clearRequests();
        Path reports = Files.createTempDirectory("scan-fault-reports");
        List<String> problems = new ArrayList<>();
        String outcome;
        try {
            ScanResult result = scan(h, reports);
            outcome = result.verdict() + " (" + result.counted().size() + " counted)";
            if (result.verdict() != Verdict.FAILED || result.counted().isEmpty()) {
                problems.add("the image has a critical CVE, yet the verdict was " + result.verdict());
            }
            if (result.toMap().toString().contains(Harness.CANARY)) {
                problems.add("the result shows the password");
            }
            for (Path file : result.reportFiles()) {
                if (Files.readString(file).contains(Harness.CANARY)) {
                    problems.add(file.getFileName() + " shows the password");
                }
            }
        } catch (PrismaRegistryException e) {
            outcome = "typed error " + e.getClass().getSimpleName() + ": " + Scenario.firstLine(e.getMessage());
            if (String.valueOf(e.getMessage()).contains(Harness.CANARY)) {
                problems.add("the error message shows the password");
            }
        } catch (RuntimeException e) {
            outcome = "UNTYPED " + e;
            problems.add("an untyped " + e.getClass().getName() + " escaped: " + e.getMessage());
        } finally {
            deleteTree(reports);
        }
        List<ObjectNode> after = h.sim.specifications();
        int writes = h.ourWrites();
        if (writes > 0) {
            problems.add("a scan wrote " + writes + " times to the settings");
        }
        if (h.canaryLeaked()) {
            problems.add("a log line shows the password");
        }
        int lost = Multiset.of(before).missingFrom(Multiset.of(after));
        if (!problems.isEmpty()) {
            outcome += "; WRONG: " + String.join("; ", problems);
        }
        ScenarioReport.record(new ScenarioRow(name, writes, before.size(), after.size(), lost, 0, outcome));
        assertThat(lost).as("entries lost in '%s'", name).isZero();
        assertThat(problems).as("problems in '%s'", name).isEmpty();
    }

    /** The requests of a clean scan, learned from a run: each kind once, progress and result looks twice. */
    private static synchronized List<Position> positions() {
        if (positions != null) {
            return positions;
        }
        try (Harness h = prepared()) {
            h.sim.clearRequests();
            Path reports = Files.createTempDirectory("scan-fault-probe");
            ScanResult probe = scan(h, reports);
            deleteTree(reports);
            if (probe.verdict() != Verdict.FAILED) {
                throw new IllegalStateException("a clean scan of the vulnerable image did not fail: " + probe);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Position> learned = new ArrayList<>();
            for (RecordedRequest r : h.ourRequests()) {
                int nth = seen.merge(r.method() + " " + r.endpoint(), 1, Integer::sum);
                boolean polled = r.endpoint().startsWith("registry");
                if (nth == 1 || polled && nth == 2) {
                    learned.add(new Position(r.method(), r.endpoint(), nth));
                }
            }
            positions = List.copyOf(learned);
            return positions;
        } catch (Exception e) {
            throw new IllegalStateException("a clean scan failed, so no fault positions can be derived: " + e, e);
        }
    }

    private static String label(Position p) {
        String what = switch (p.endpoint()) {
            case "registry/scan" -> "the trigger";
            case "registry/progress" -> "progress look #" + p.nth();
            case "registry" -> p.nth() == 1 ? "result read before the trigger" : "result look #" + (p.nth() - 1);
            default -> p.label();
        };
        return what + (p.endpoint().startsWith("registry") ? " [" + p.method() + " " + p.endpoint() + " #" + p.nth() + "]" : "");
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
