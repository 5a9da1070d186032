package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.scan.ImageScanner;
import io.github.prismaregistry.scan.ScanRequest;
import io.github.prismaregistry.scan.ScanResult;
import io.github.prismaregistry.scan.Verdict;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.RecordedRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scan-and-gate against an in-process simulator holding 19,998 settings entries: how many requests it sends, to
 * which endpoints, and how long it takes, for a scan that is ready at once and for scans the Console takes a few
 * seconds over (polled at the users' minimum interval of 1 s and at the default of 10 s). Prints figures; never fails
 * on timing.
 *
 * <pre>java -cp benchmarks/target/prisma-registry-benchmarks.jar io.github.prismaregistry.benchmarks.ScanBenchmark
 *     [--entries N] [--iterations N] [--warmup N]</pre>
 */
public final class ScanBenchmark {

    private static final String REGISTRY = "registry.scan-bench.example";
    private static final String REPOSITORY = "bench/app";

    private record Case(String title, Duration scanDuration, Duration pollInterval) {
    }

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = 19_998;
        int iterations = 5;
        int warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ScanBenchmark [--entries N] [--iterations N] [--warmup N]");
                    System.exit(2);
                }
            }
        }
        List<Case> cases = List.of(
                new Case("result ready at once, pollInterval 1 s", Duration.ZERO, Duration.ofSeconds(1)),
                new Case("scan takes 5 s, pollInterval 1 s", Duration.ofSeconds(5), Duration.ofSeconds(1)),
                new Case("scan takes 5 s, pollInterval 10 s (default)", Duration.ofSeconds(5), Duration.ofSeconds(10)));
        try (ConsoleSimulator sim = ConsoleSimulator.builder().consoleRateLimit().start()) {
            List<ObjectNode> list = new ArrayList<>(ConsoleSimulator.seedEntries(entries - 1));
            list.add(coveringEntry());
            sim.setSpecifications(list);
            System.out.printf(Locale.ROOT, "Scan and gate against %,d settings entries (console rate limit 30 per 30 s),"
                    + " %d iteration(s) per case after %d warm-up(s):%n", sim.entryCount(), iterations, warmup);
            for (Case c : cases) {
                run(sim, c, warmup, iterations);
            }
        }
    }

    private static void run(ConsoleSimulator sim, Case c, int warmup, int iterations) throws Exception {
        double[] millis = new double[iterations];
        Map<String, Integer> requests = new TreeMap<>();
        int total = 0;
        for (int i = -warmup; i < iterations; i++) {
            sim.rateLimitScanResults(30, Duration.ofSeconds(30));
            sim.addImage(CatalogueImage.of(REGISTRY, REPOSITORY, "1." + (i + warmup)).scanDuration(c.scanDuration())
                    .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils",
                            "5.6.0", "fixed in 5.6.2")));
            sim.clearRequests();
            long start = System.nanoTime();
            ScanResult result;
            try (ImageScanner scanner = ImageScanner.builder(connection(sim)).build()) {
                result = scanner.scan(ScanRequest.builder().image(REGISTRY + "/" + REPOSITORY + ":1." + (i + warmup))
                        .pollInterval(c.pollInterval()).scanTimeout(Duration.ofMinutes(5)).build());
            }
            long elapsed = System.nanoTime() - start;
            if (result.verdict() != Verdict.FAILED) {
                throw new IllegalStateException("the vulnerable image passed: " + result);
            }
            if (i < 0) {
                continue;
            }
            millis[i] = elapsed / 1e6;
            for (RecordedRequest r : sim.requests()) {
                requests.merge(r.method() + " " + r.endpoint(), 1, Integer::sum);
                total++;
            }
        }
        Stats s = Stats.of(millis);
        System.out.printf(Locale.ROOT, "  %-46s wall ms: median %8.1f  min %8.1f  max %8.1f;  requests per scan %.1f:",
                c.title(), s.median(), s.min(), s.max(), total / (double) iterations);
        requests.forEach((endpoint, n) -> System.out.printf(Locale.ROOT, " %s %.1f,", endpoint, n / (double) iterations));
        System.out.println();
    }

    private static ObjectNode coveringEntry() {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("version", "2");
        e.put("registry", REGISTRY);
        e.put("repository", REPOSITORY);
        e.put("tag", "");
        e.put("os", "linux");
        e.put("cap", 5);
        e.put("scanners", 2);
        e.putArray("collections").add("All");
        return e;
    }

    private static ConsoleConnection connection(ConsoleSimulator sim) {
        return ConsoleConnection.builder(sim.url())
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin"))
                .build();
    }
}
