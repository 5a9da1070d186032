package io.github.prismaregistry.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code java -jar prisma-registry-benchmarks.jar [--warmup N] [--iterations N] [--entries N] [--no-heap-probe]
 * [--out FILE]} runs the end-to-end comparison; {@code --jmh [JMH options]} runs the planner benchmarks instead.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "--jmh".equals(args[0])) {
            // JMH forks fresh JVMs with this jar's class path; everything after --jmh is JMH's own options, and
            // without a benchmark pattern it runs every benchmark in the jar (the planner's).
            List<String> jmhArgs = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
            CommandLineOptions options = new CommandLineOptions(jmhArgs.toArray(new String[0]));
            if (options.shouldHelp() || options.shouldList() || options.shouldListProfilers()
                    || options.shouldListResultFormats() || options.shouldListWithParams()) {
                org.openjdk.jmh.Main.main(jmhArgs.toArray(new String[0]));
                return;
            }
            printIndexThroughput(new Runner(options).run());
            return;
        }
        EndToEndBenchmark.Settings settings = new EndToEndBenchmark.Settings();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> settings.warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> settings.iterations = Integer.parseInt(args[++i]);
                case "--entries" -> settings.seededEntries = Integer.parseInt(args[++i]);
                case "--no-heap-probe" -> settings.heapProbe = false;
                case "--concurrent" -> settings.concurrentCallers = Integer.parseInt(args[++i]);
                case "--concurrent-runs" -> settings.concurrentRuns = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--help", "-h" -> {
                    usage(System.out);
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    usage(System.err);
                    System.exit(2);
                }
            }
        }
        TeeOutput output = new TeeOutput(System.out);
        new EndToEndBenchmark(settings, output.stream()).run();
        if (out != null) {
            Files.writeString(out, output.text(), StandardCharsets.UTF_8);
            System.out.println("figures written to " + out.toAbsolutePath());
        }
    }

    /** The index pass as bytes per second over the same body, judged against its target. */
    private static void printIndexThroughput(Collection<RunResult> results) throws Exception {
        for (RunResult result : results) {
            if (!result.getParams().getBenchmark().endsWith(".indexSettings")) {
                continue;
            }
            long bytes = PlannerBenchmark.settingsBodyLength();
            double millis = result.getPrimaryResult().getScore();
            double gigabytesPerSecond = bytes / (millis / 1000) / 1e9;
            System.out.printf(Locale.ROOT, "index pass over the %,d-entry body (%,d bytes): %.2f ms = %.2f GB/s"
                    + " (target >= %.1f GB/s, i.e. <= %.1f ms: %s)%n", PlannerBenchmark.LIST_SIZE, bytes, millis,
                    gigabytesPerSecond, PlannerBenchmark.INDEX_TARGET_GB_PER_S,
                    bytes / PlannerBenchmark.INDEX_TARGET_GB_PER_S / 1e6,
                    gigabytesPerSecond >= PlannerBenchmark.INDEX_TARGET_GB_PER_S ? "PASS" : "MISS");
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar prisma-registry-benchmarks.jar [--warmup N] [--iterations N] [--entries N]"
                + " [--no-heap-probe] [--concurrent N] [--concurrent-runs N] [--out FILE]");
        out.println("       java -jar prisma-registry-benchmarks.jar --jmh [JMH options, e.g. -f 1 -wi 3 -i 5]");
    }
}
