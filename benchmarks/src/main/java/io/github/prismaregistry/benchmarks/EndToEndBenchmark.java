package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.settings.EntryIdentity;
import io.github.prismaregistry.settings.RegistrySettings;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Register, no-op and unregister against an in-process simulator holding a near-full list, each next to the raw
 * floor: the JDK client replaying the very requests our engine sent. Prints figures and PASS/MISS against the
 * targets; it never fails on timing.
 */
final class EndToEndBenchmark {

    static final class Settings {
        int warmup = 10;
        int iterations = 30;
        int seededEntries = 19_998;
        boolean heapProbe = true;
        /** Registrations of the concurrent case, and how often it is measured. */
        int concurrentCallers = 32;
        int concurrentRuns = 3;
    }

    private enum Case {
        REGISTER("(a) register a new repository", Action.ADDED, 1.25),
        NOOP("(b) register again (nothing to write)", Action.ALREADY_COVERED, 1.15),
        UNREGISTER("(c) unregister", Action.REMOVED, 1.30);

        final String title;
        final Action expected;
        final double target;

        Case(String title, Action expected, double target) {
            this.title = title;
            this.expected = expected;
            this.target = target;
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private record Sample(double millis, long clientBytes, long allBytes) {
    }

    private record Measured(String label, List<Sample> samples) {
        Stats millis() {
            return Stats.of(samples.stream().mapToDouble(Sample::millis).toArray());
        }

        Stats clientBytes() {
            return Stats.of(samples.stream().mapToDouble(Sample::clientBytes).toArray());
        }

        Stats allBytes() {
            return Stats.of(samples.stream().mapToDouble(Sample::allBytes).toArray());
        }
    }

    private record CaseResult(Case kind, int entriesBefore, long payloadBytes, Measured ours, Measured replay,
            Measured minimal, String minimalLabel, long oursPeak, long rawPeak, long oursLive, long rawLive,
            long oursAlone, long rawAlone, long replayGets, List<Measured> peers, TimeLine timeLine) {
    }

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";
    private static final String SETTINGS_PATH = "/api/v1/settings/registry";
    private static final int HEAP_REPEATS = 3;
    private static final Duration PROBE_DELAY = Duration.ofMillis(800);
    private static final double PLANNING_TARGET_MS = 20;
    private static final double HEAP_TARGET_RATIO = 3;

    private final Settings settings;
    private final PrintStream out;
    private final AllocationMeter allocation = new AllocationMeter();
    private final HeapMeter heap = new HeapMeter();
    private ConsoleSimulator sim;
    private RawReplay raw;
    /** For the client-only heap figure: the simulator in its own process, and a raw client logged in there. */
    private ExternalSimulator external;
    private RawReplay externalRaw;
    private Path backups;
    private ObjectNode ourEntry;

    EndToEndBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void run() throws Exception {
        printHeader();
        backups = Files.createTempDirectory("prisma-registry-bench-backups");
        sim = ConsoleSimulator.builder()
                .user(USER, PASSWORD)
                .tokenLifetime(Duration.ofHours(2))
                // Keep whole bodies of one operation (an unregister PUT is the full list) for the capture.
                .requestLogLimit(1_000, 256L * 1024 * 1024)
                .seed(settings.seededEntries)
                .start();
        try {
            raw = RawReplay.login(sim.url(), USER, PASSWORD);
            if (settings.heapProbe) {
                external = ExternalSimulator.start(USER, PASSWORD);
                externalRaw = RawReplay.login(external.url(), USER, PASSWORD);
            }
            List<ObjectNode> seeded = sim.specifications();
            List<CaseResult> results = new ArrayList<>();
            results.add(runCase(Case.REGISTER, seeded));
            List<ObjectNode> withOurs = new ArrayList<>(seeded);
            withOurs.add(ourEntry);
            results.add(runCase(Case.NOOP, withOurs));
            results.add(runCase(Case.UNREGISTER, withOurs));
            // The Console holds at most 19,999 entries: leave room for every concurrent registration.
            int room = Math.min(seeded.size(), io.github.prismaregistry.api.RegistryLimitException.CONSOLE_LIMIT
                    - settings.concurrentCallers);
            Concurrent concurrent = runConcurrent(seeded.subList(0, room), results.get(0).ours().millis().median());
            printSummary(results, measureComponents(seeded), concurrent);
        } finally {
            sim.close();
            if (external != null) {
                external.close();
            }
            deleteBackups();
            Files.deleteIfExists(backups);
        }
    }

    private void printHeader() {
        out.println("prisma-registry end-to-end benchmark, " + ZonedDateTime.now().withNano(0));
        out.printf(Locale.ROOT, "JVM %s %s, %d cores visible, max heap %d MB, args %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.printf(Locale.ROOT, "%d warm-up + %d measured iterations per variant, interleaved (ours, replay, minimal"
                + " in rotating order) so background load hits all three alike.%n", settings.warmup,
                settings.iterations);
        out.println("Included in 'ours': one RegistryRegistrar call on a registrar reused across iterations (its login"
                + " and version discovery happen on the first, untimed call), with its JSON parsing, planning, backup"
                + " file, write, verifying GET and comparison.");
        out.println("Included in 'raw replay': java.net.http.HttpClient sending the identical requests our engine sent"
                + " (captured from the simulator's log: method, path, query, body bytes, auth scheme), each response"
                + " read into a byte[] and not parsed; its Bearer token comes from one login before the loop.");
        out.println("Both sides share the in-process simulator (same JVM, same 2 cores), so its work is in both."
                + " Before every iteration the list is reset (untimed) and read once so the simulator's prepared"
                + " response bytes are warm. The client-alone heap figure runs the same operations against a second"
                + " simulator in a process of its own.");
        out.println();
    }

    private RegistryRegistrar registrar(String consoleUrl) throws Exception {
        return registrar(consoleUrl, io.github.prismaregistry.api.RegistryLog.silent());
    }

    private RegistryRegistrar registrar(String consoleUrl, io.github.prismaregistry.api.RegistryLog log) throws Exception {
        ConsoleConnection connection = ConsoleConnection.builder(consoleUrl)
                .credentials(ConsoleCredentials.usernamePassword(USER, PASSWORD))
                .build();
        return RegistryRegistrar.builder(connection).log(log).backupDirectory(backups).build();
    }

    /** One call of the case's operation, which must end as the case expects, or the figures measure something else. */
    private static Op operation(Case kind, RegistryRegistrar registrar, RegistrationRequest request) {
        return () -> {
            RegistrationResult result = kind == Case.UNREGISTER
                    ? registrar.unregister(request)
                    : registrar.register(request);
            if (result.action() != kind.expected) {
                throw new IllegalStateException(kind.title + ": expected " + kind.expected + " but got "
                        + result.action() + " (the benchmark would measure the wrong thing)");
            }
        };
    }

    private CaseResult runCase(Case kind, List<ObjectNode> initial) throws Exception {
        RegistrationRequest request = BenchmarkEntries.request();
        try (RegistryRegistrar registrar = registrar(sim.url())) {
            Op ours = operation(kind, registrar, request);

            prepare(initial);
            ours.run();
            List<RecordedRequest> cold = sim.requests();

            prepare(initial);
            ours.run();
            List<CapturedRequest> steady = CapturedRequest.fromLog(sim.requests());
            if (kind == Case.REGISTER) {
                List<ObjectNode> after = sim.specifications();
                ourEntry = after.get(after.size() - 1);
            }
            List<CapturedRequest> minimal = minimalSequence(steady);
            String minimalLabel = minimal.stream().map(CapturedRequest::method)
                    .reduce((a, b) -> a + " + " + b).orElse("-") + ", no verify";

            prepare(initial);
            long payload = raw.get(SETTINGS_PATH).length;

            out.printf(Locale.ROOT, "%s: %,d entries before; settings payload %,d B%n", kind.title, initial.size(),
                    payload);
            out.println("  engine request sequence, steady state (what the raw replay sends):");
            steady.forEach(r -> out.println("    " + r.describe()));
            List<RecordedRequest> coldOnly = cold.stream()
                    .filter(r -> !"settings/registry".equals(r.endpoint())).toList();
            out.println("  first call on a new registrar also sent (untimed): "
                    + (coldOnly.isEmpty() ? "nothing more" : coldOnly.stream()
                    .map(r -> r.method() + " " + r.path()).reduce((a, b) -> a + ", " + b).orElse("")));

            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("ours (RegistryRegistrar)", ours),
                    new Variant("raw replay (same requests)", () -> raw.replay(steady)),
                    new Variant("raw minimal (" + minimalLabel + ")", () -> raw.replay(minimal))));
            if (kind != Case.UNREGISTER) {
                Peers peers = new Peers(raw, ourEntry);
                List<ObjectNode> desired = new ArrayList<>(initial);
                if (kind == Case.REGISTER) {
                    desired.add(ourEntry);
                }
                peers.terraformState(desired);
                boolean writes = kind == Case.REGISTER;
                variants.add(new Variant("vendor-style script (Jackson objects, PUT)", () -> expectWrite(peers.script(), writes)));
                variants.add(new Variant("Terraform-style (refresh, PUT from state)", () -> expectWrite(peers.terraform(), writes)));
            }
            int loginsBefore = sim.loginCount();
            List<Measured> measured = measure(initial, variants);
            int loginsDuring = sim.loginCount() - loginsBefore;
            TimeLine timeLine = timeLine(kind, initial, request);

            long oursPeak = peakAboveBaseline(initial, ours);
            long rawPeak = peakAboveBaseline(initial, () -> raw.replay(steady));
            long oursLive = settings.heapProbe ? liveAboveBaseline(initial, ours) : -1;
            long rawLive = settings.heapProbe ? liveAboveBaseline(initial, () -> raw.replay(steady)) : -1;
            long oursAlone = -1;
            long rawAlone = -1;
            if (settings.heapProbe) {
                try (RegistryRegistrar alone = registrar(external.url())) {
                    Op oursAloneOp = operation(kind, alone, request);
                    prepareExternal(initial);
                    oursAloneOp.run(); // login and version discovery, outside the probe
                    oursAlone = liveAboveBaselineExternal(initial, oursAloneOp);
                    rawAlone = liveAboveBaselineExternal(initial, () -> externalRaw.replay(steady));
                }
            }

            CaseResult result = new CaseResult(kind, initial.size(), payload, measured.get(0), measured.get(1),
                    measured.get(2), minimalLabel, oursPeak, rawPeak, oursLive, rawLive, oursAlone, rawAlone,
                    steady.stream().filter(r -> r.isSettings() && "GET".equals(r.method())).count(),
                    measured.subList(3, measured.size()), timeLine);
            printCase(result, loginsDuring);
            return result;
        } finally {
            deleteBackups();
        }
    }

    private record Variant(String label, Op op) {
    }

    private static final int TIME_LINE_RUNS = 7;

    /** Our operation's phases, from its own log lines, on a registrar of its own (warmed first, untimed). */
    private TimeLine timeLine(Case kind, List<ObjectNode> initial, RegistrationRequest request) throws Exception {
        TimeLine.Recorder recorder = new TimeLine.Recorder();
        TimeLine timeLine = new TimeLine();
        try (RegistryRegistrar registrar = registrar(sim.url(), recorder)) {
            Op op = operation(kind, registrar, request);
            prepare(initial);
            op.run();
            for (int i = 0; i < TIME_LINE_RUNS; i++) {
                prepare(initial);
                recorder.start();
                long start = System.nanoTime();
                op.run();
                timeLine.add(recorder.phases(System.nanoTime() - start));
            }
        }
        return timeLine;
    }

    /** Many registrations at once in one JVM (mvn -T, parallel stages), each with a registrar of its own. */
    private record Concurrent(int callers, Stats concurrentMillis, Stats concurrentGets, Stats sequentialMillis,
            Stats sequentialGets, double singleMillis) {
    }

    private Concurrent runConcurrent(List<ObjectNode> initial, double singleMillis) throws Exception {
        int n = settings.concurrentCallers;
        List<RegistryRegistrar> registrars = new ArrayList<>();
        List<RegistrationRequest> requests = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        double[] concurrentMillis = new double[settings.concurrentRuns];
        double[] concurrentGets = new double[settings.concurrentRuns];
        double[] sequentialMillis = new double[settings.concurrentRuns];
        double[] sequentialGets = new double[settings.concurrentRuns];
        try {
            for (int i = 0; i < n; i++) {
                RegistryRegistrar registrar = registrar(sim.url());
                registrars.add(registrar);
                RegistrationRequest request = RegistrationRequest.builder().registry(BenchmarkEntries.REGISTRY)
                        .repository("team/concurrent-" + i).build();
                requests.add(request);
                // Login and version discovery, untimed, as for the other cases.
                registrar.register(RegistrationRequest.builder().registry(BenchmarkEntries.REGISTRY)
                        .repository("team/concurrent-" + i).dryRun(true).build());
            }
            for (int run = 0; run < settings.concurrentRuns; run++) {
                prepare(initial);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<RegistrationResult>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    RegistryRegistrar registrar = registrars.get(i);
                    RegistrationRequest request = requests.get(i);
                    results.add(pool.submit(() -> {
                        go.await();
                        return registrar.register(request);
                    }));
                }
                long start = System.nanoTime();
                go.countDown();
                for (Future<RegistrationResult> result : results) {
                    expectAdded(result.get());
                }
                concurrentMillis[run] = (System.nanoTime() - start) / 1e6;
                concurrentGets[run] = settingsGets();
                checkAllThere(initial, n);

                prepare(initial);
                start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    expectAdded(registrars.get(i).register(requests.get(i)));
                }
                sequentialMillis[run] = (System.nanoTime() - start) / 1e6;
                sequentialGets[run] = settingsGets();
                checkAllThere(initial, n);
            }
        } finally {
            pool.shutdownNow();
            registrars.forEach(RegistryRegistrar::close);
            deleteBackups();
        }
        Concurrent c = new Concurrent(n, Stats.of(concurrentMillis), Stats.of(concurrentGets), Stats.of(sequentialMillis),
                Stats.of(sequentialGets), singleMillis);
        out.printf(Locale.ROOT, "(d) %d distinct repositories registered concurrently in one JVM, %,d entries before"
                + " (%d runs; each caller has its own registrar, as modules of mvn -T do; fewer entries than 19,998 so"
                + " that all of them fit under the Console's limit of 19,999)%n", n, initial.size(),
                settings.concurrentRuns);
        out.printf(Locale.ROOT, "  concurrent: wall %.0f ms median (%.0f..%.0f), full-list GETs %.0f median (%.0f..%.0f)%n",
                c.concurrentMillis().median(), c.concurrentMillis().min(), c.concurrentMillis().max(),
                c.concurrentGets().median(), c.concurrentGets().min(), c.concurrentGets().max());
        out.printf(Locale.ROOT, "  one after another (what today's sequence costs): wall %.0f ms median, full-list GETs %.0f%n",
                c.sequentialMillis().median(), c.sequentialGets().median());
        out.printf(Locale.ROOT, "  one registration alone (case a, ours): %.1f ms; concurrent wall / one registration = %.2fx%n",
                singleMillis, c.concurrentMillis().median() / singleMillis);
        out.println();
        return c;
    }

    private static void expectAdded(RegistrationResult result) {
        if (result.action() != Action.ADDED) {
            throw new IllegalStateException("a concurrent registration ended " + result.action() + ", not ADDED");
        }
    }

    private long settingsGets() {
        return sim.requests().stream().filter(r -> "settings/registry".equals(r.endpoint()) && "GET".equals(r.method())).count();
    }

    private void checkAllThere(List<ObjectNode> initial, int added) {
        List<ObjectNode> now = sim.specifications();
        if (now.size() != initial.size() + added || !now.subList(0, initial.size()).equals(initial)) {
            throw new IllegalStateException("the concurrent case did not end with every entry kept and each added once");
        }
    }

    /** A peer that writes where it should not (or the other way round) measures something else. */
    private static void expectWrite(boolean wrote, boolean expected) {
        if (wrote != expected) {
            throw new IllegalStateException("a peer " + (wrote ? "wrote" : "did not write") + " where it should "
                    + (expected ? "" : "not ") + "(the benchmark would measure the wrong thing)");
        }
    }

    /** The least any client must send: the first settings GET and the write, without verification or discovery. */
    private static List<CapturedRequest> minimalSequence(List<CapturedRequest> steady) {
        List<CapturedRequest> minimal = new ArrayList<>();
        steady.stream().filter(r -> r.isSettings() && "GET".equals(r.method())).findFirst().ifPresent(minimal::add);
        steady.stream().filter(CapturedRequest::isWrite).findFirst().ifPresent(minimal::add);
        return minimal;
    }

    private List<Measured> measure(List<ObjectNode> initial, List<Variant> variants) throws Exception {
        List<List<Sample>> samples = new ArrayList<>();
        variants.forEach(v -> samples.add(new ArrayList<>()));
        int total = settings.warmup + settings.iterations;
        for (int i = 0; i < total; i++) {
            for (int k = 0; k < variants.size(); k++) {
                int v = (i + k) % variants.size();
                prepare(initial);
                Map<Long, Long> before = allocation.clientSnapshot();
                long allBefore = allocation.totalAllocated();
                long start = System.nanoTime();
                variants.get(v).op().run();
                long elapsed = System.nanoTime() - start;
                long allAfter = allocation.totalAllocated();
                Map<Long, Long> after = allocation.clientSnapshot();
                if (i >= settings.warmup) {
                    samples.get(v).add(new Sample(elapsed / 1e6, AllocationMeter.delta(before, after),
                            allAfter - allBefore));
                }
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            measured.add(new Measured(variants.get(v).label(), samples.get(v)));
        }
        return measured;
    }

    /**
     * Pool peaks over one operation, from a just-collected heap: this counts garbage the collector had no reason to
     * clear yet (and the simulator's own work), so it is an upper bound. Median of a few runs.
     */
    private long peakAboveBaseline(List<ObjectNode> initial, Op op) throws Exception {
        long[] extra = new long[HEAP_REPEATS];
        for (int i = 0; i < HEAP_REPEATS; i++) {
            prepare(initial);
            heap.liveAfterGc();
            heap.resetPeaks();
            long baseline = heap.used();
            op.run();
            extra[i] = heap.peakSum() - baseline;
        }
        return (long) Stats.of(extra).median();
    }

    /**
     * What the operation keeps reachable while it runs: every settings request is held by the simulator for a
     * moment, and meanwhile full collections measure the live heap. The largest value above the baseline is the
     * operation's working set (plus whatever the simulator holds for that request at that moment).
     */
    private long liveAboveBaseline(List<ObjectNode> initial, Op op) throws Exception {
        prepare(initial);
        sim.inject(Fault.on("*", "settings/registry").always().delay(PROBE_DELAY));
        try {
            return liveWhileRunning(op);
        } finally {
            sim.clearFaults();
        }
    }

    /** The highest live heap above the pre-operation baseline, sampled with forced collections while {@code op} runs. */
    private long liveWhileRunning(Op op) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            long baseline = heap.liveAfterGc();
            Future<?> running = runner.submit(() -> {
                op.run();
                return null;
            });
            long max = baseline;
            while (!running.isDone()) {
                max = Math.max(max, heap.liveAfterGc());
                Thread.sleep(20);
            }
            running.get();
            return max - baseline;
        } finally {
            runner.shutdownNow();
        }
    }

    /** Untimed: the list as the case starts, the simulator's response bytes warm, an empty request log. */
    private void prepare(List<ObjectNode> initial) throws Exception {
        sim.clearFaults();
        sim.setSpecifications(new ArrayList<>(initial));
        raw.get(SETTINGS_PATH);
        sim.clearRequests();
        deleteBackups();
    }

    /** {@link #liveAboveBaseline} with the simulator in its own process: what this JVM holds is the client's. */
    private long liveAboveBaselineExternal(List<ObjectNode> initial, Op op) throws Exception {
        prepareExternal(initial);
        external.delaySettingsRequests(PROBE_DELAY);
        try {
            return liveWhileRunning(op);
        } finally {
            external.clearFaults();
        }
    }

    private void prepareExternal(List<ObjectNode> initial) throws Exception {
        external.clearFaults();
        external.setSpecifications(initial);
        externalRaw.get(SETTINGS_PATH);
        deleteBackups();
    }

    private void deleteBackups() throws IOException {
        if (backups == null || !Files.isDirectory(backups)) {
            return;
        }
        try (Stream<Path> files = Files.walk(backups)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(backups)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** In-process medians of the engine's building blocks on the same lists (JMH measures the planner properly). */
    private record Components(double[] planning, double parse, double verifyParse, double compare, double putBody, double backupWrite) {
    }

    private Components measureComponents(List<ObjectNode> seeded) throws Exception {
        SeededSettings bodies = SeededSettings.of(seeded);
        byte[] fullBody = bodies.bodyWith(ourEntry);
        RegistrySettings addList = RegistrySettings.parse(bodies.bodyWith(BenchmarkEntries.foreign()));
        RegistrySettings fullList = RegistrySettings.parse(fullBody);
        DesiredEntry desired = new DesiredEntry(ourEntry, BenchmarkEntries.noExplicitFields());
        // The same entry points the engine uses: the index-based planner, the resumed parse of the verifying GET,
        // the byte-pairing vanished check and the spliced PUT body.
        check(Planner.planRegister(fullList, desired, false), Plan.Kind.ALREADY_COVERED);
        check(Planner.planRegister(addList, desired, false), Plan.Kind.ADD);
        check(Planner.planUnregister(fullList, desired), Plan.Kind.REMOVE);
        double[] planning = {
            timeMillis(() -> Planner.planRegister(fullList, desired, false)),
            timeMillis(() -> Planner.planRegister(addList, desired, false)),
            timeMillis(() -> Planner.planUnregister(fullList, desired)),
        };
        double parse = timeMillis(() -> {
            try {
                return RegistrySettings.parseOwned(fullBody);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double verifyParse = timeMillis(() -> {
            try {
                return RegistrySettings.parseOwned(fullBody, addList);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double compare = timeMillis(() -> EntryIdentity.vanishedCount(addList, new int[0], fullList));
        int[] withoutOurs = IntStream.range(0, fullList.size() - 1).toArray();
        double putBody = timeMillis(() -> fullList.putBody(withoutOurs, new JsonNode[withoutOurs.length]));
        Path file = backups.resolve("component-timing.json");
        double backupWrite = timeMillis(() -> {
            try {
                return Files.write(file, fullBody);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.deleteIfExists(file);
        return new Components(planning, parse, verifyParse, compare, putBody, backupWrite);
    }

    private static void check(Plan plan, Plan.Kind kind) {
        if (plan.kind() != kind) {
            throw new IllegalStateException("planner said " + plan + ", expected " + kind);
        }
    }

    private double timeMillis(Supplier<?> work) {
        double[] times = new double[settings.iterations];
        for (int i = 0; i < settings.warmup + settings.iterations; i++) {
            long start = System.nanoTime();
            Object result = work.get();
            long elapsed = System.nanoTime() - start;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
            if (i >= settings.warmup) {
                times[i - settings.warmup] = elapsed / 1e6;
            }
        }
        return Stats.of(times).median();
    }

    private void printCase(CaseResult r, int loginsDuring) {
        out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %9s %9s %8s %14s%n", "variant (ms over " + settings.iterations
                + " runs)", "median", "p10", "p90", "min", "max", "MAD", "client B/op");
        List<Measured> rows = new ArrayList<>(List.of(r.ours(), r.replay(), r.minimal()));
        rows.addAll(r.peers());
        for (Measured m : rows) {
            Stats t = m.millis();
            out.printf(Locale.ROOT, "  %-44s %9.1f %9.1f %9.1f %9.1f %9.1f %8.1f %,14.0f%n", m.label(), t.median(),
                    t.percentile(10), t.percentile(90), t.min(), t.max(), t.mad(), m.clientBytes().median());
        }
        double ratio = r.ours().millis().median() / r.replay().millis().median();
        out.printf(Locale.ROOT, "  ratio ours/raw replay %.2fx (target <= %.2fx: %s); ours/raw minimal %.2fx"
                + " (what verification and discovery cost on top)%n", ratio, r.kind().target,
                ratio <= r.kind().target ? "PASS" : "MISS", r.ours().millis().median() / r.minimal().millis().median());
        for (int i = 0; i < r.peers().size(); i++) {
            Measured peer = r.peers().get(i);
            out.printf(Locale.ROOT, "  ours/%s %.2fx (%s)%n", peer.label(), r.ours().millis().median() / peer.millis().median(),
                    i == 0 ? Peers.UNSAFE_SCRIPT : Peers.UNSAFE_TERRAFORM);
        }
        out.println("  where ours spends its time: " + r.timeLine().describe());
        out.printf(Locale.ROOT, "  allocation per op, median: ours client %s, raw client %s; all threads incl."
                + " simulator: ours %s, raw %s%n", mb(r.ours().clientBytes().median()),
                mb(r.replay().clientBytes().median()), mb(r.ours().allBytes().median()),
                mb(r.replay().allBytes().median()));
        out.printf(Locale.ROOT, "  heap pool peak above post-GC baseline during one op (median of %d; counts"
                + " uncollected garbage): ours %s, raw %s%n", HEAP_REPEATS, mb(r.oursPeak()), mb(r.rawPeak()));
        if (r.oursLive() >= 0) {
            out.printf(Locale.ROOT, "  live heap while in flight, simulator in this JVM (its own work counts too):"
                    + " ours +%s = %.1fx payload, raw +%s = %.1fx payload%n", mb(r.oursLive()),
                    (double) r.oursLive() / r.payloadBytes(), mb(r.rawLive()), (double) r.rawLive() / r.payloadBytes());
            out.printf(Locale.ROOT, "  live heap while in flight, simulator in its own process (the client alone):"
                    + " ours +%s = %.1fx payload (target < %.0fx: %s), raw +%s = %.1fx payload%n", mb(r.oursAlone()),
                    (double) r.oursAlone() / r.payloadBytes(), HEAP_TARGET_RATIO, heapVerdict(r), mb(r.rawAlone()),
                    (double) r.rawAlone() / r.payloadBytes());
        }
        out.println("  logins during the measured loop: " + loginsDuring);
        out.println();
    }

    private void printSummary(List<CaseResult> results, Components components, Concurrent concurrent) {
        double[] planning = components.planning();
        out.println("SUMMARY (medians over " + settings.iterations + " measured runs; spread = p10..p90)");
        out.printf(Locale.ROOT, "%-40s %17s %17s %7s %8s %6s %11s %9s %10s%n", "case", "ours ms", "raw replay ms",
                "ratio", "target", "", "minimal ms", "live/pay", "heap");
        out.println("(live/pay: the client's live heap in flight over the payload, the simulator in its own process)");
        for (CaseResult r : results) {
            Stats ours = r.ours().millis();
            Stats replay = r.replay().millis();
            double ratio = ours.median() / replay.median();
            String live = r.oursAlone() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx", (double) r.oursAlone() / r.payloadBytes());
            String heapVerdict = heapVerdict(r);
            out.printf(Locale.ROOT, "%-40s %6.1f (%4.0f..%4.0f) %6.1f (%4.0f..%4.0f) %6.2fx %7s %6s %11.1f %9s %10s%n",
                    r.kind().title, ours.median(), ours.percentile(10), ours.percentile(90), replay.median(),
                    replay.percentile(10), replay.percentile(90), ratio, "<=" + r.kind().target + "x",
                    ratio <= r.kind().target ? "PASS" : "MISS", r.minimal().millis().median(), live, heapVerdict);
        }
        String[] names = {"planRegister, covered (19,999 entries)", "planRegister, add (19,999 entries)",
            "planUnregister, remove (19,999 entries)"};
        for (int i = 0; i < names.length; i++) {
            out.printf(Locale.ROOT, "%-40s %6.2f ms (target < %.0f ms: %s)%n", names[i], planning[i],
                    PLANNING_TARGET_MS, planning[i] < PLANNING_TARGET_MS ? "PASS" : "MISS");
        }
        out.printf(Locale.ROOT, "building blocks at 19,999 entries (in-process medians): index one GET body %.1f ms;"
                + " index the verifying GET (unchanged entries reused) %.1f ms; vanished-entry check %.1f ms;"
                + " build a PUT body %.1f ms; Files.write of the body %.1f ms%n",
                components.parse(), components.verifyParse(), components.compare(), components.putBody(),
                components.backupWrite());
        for (CaseResult r : results) {
            long gets = r.replayGets();
            // A client that must look at the list reads the first GET in full; later GETs reuse what did not change.
            double parseFloor = r.replay().millis().median() + components.parse() + (gets - 1) * components.verifyParse();
            out.printf(Locale.ROOT, "%-40s raw replay + reading the list = %.1f ms: ours is %.2fx that%n", r.kind().title,
                    parseFloor, r.ours().millis().median() / parseFloor);
        }
        for (CaseResult r : results) {
            for (int i = 0; i < r.peers().size(); i++) {
                Measured peer = r.peers().get(i);
                out.printf(Locale.ROOT, "%-40s ours %.1f ms vs %s %.1f ms: ours/peer %.2fx (%s)%n", r.kind().title,
                        r.ours().millis().median(), peer.label(), peer.millis().median(),
                        r.ours().millis().median() / peer.millis().median(), i == 0 ? Peers.UNSAFE_SCRIPT : Peers.UNSAFE_TERRAFORM);
            }
        }
        printVerdicts(results, components, concurrent);
        out.println("Targets are printed, never asserted: timings on a shared machine are evidence, not a test.");
    }

    private void printVerdicts(List<CaseResult> results, Components components, Concurrent concurrent) {
        out.println("VERDICTS");
        for (CaseResult r : results) {
            double ratio = r.ours().millis().median() / r.replay().millis().median();
            out.printf(Locale.ROOT, "  %-4s %s <= %.2fx the raw replay: %.2fx; time line: %s%n",
                    ratio <= r.kind().target ? "PASS" : "MISS", r.kind().name().toLowerCase(Locale.ROOT), r.kind().target,
                    ratio, r.timeLine().describe());
        }
        for (CaseResult r : results) {
            out.printf(Locale.ROOT, "  %-4s %s: client heap < %.0fx payload: %s%n", heapVerdict(r),
                    r.kind().name().toLowerCase(Locale.ROOT), HEAP_TARGET_RATIO, r.oursAlone() < 0 ? "not measured"
                    : String.format(Locale.ROOT, "%.1fx", (double) r.oursAlone() / r.payloadBytes()));
        }
        double worstPlan = java.util.Arrays.stream(components.planning()).max().orElse(0);
        out.printf(Locale.ROOT, "  %-4s planning < %.0f ms: slowest of the three plans %.2f ms%n",
                worstPlan < PLANNING_TARGET_MS ? "PASS" : "MISS", PLANNING_TARGET_MS, worstPlan);
        double gbPerSecond = results.get(0).payloadBytes() / (components.parse() / 1000) / 1e9;
        out.printf(Locale.ROOT, "  %-4s index pass >= %.1f GB/s (in-process median here; JMH: run.sh --jmh indexSettings):"
                + " %.1f ms = %.2f GB/s%n", gbPerSecond >= PlannerBenchmark.INDEX_TARGET_GB_PER_S ? "PASS" : "MISS",
                PlannerBenchmark.INDEX_TARGET_GB_PER_S, components.parse(), gbPerSecond);
        out.printf(Locale.ROOT, "  %-4s %d concurrent registrations: full-list GETs <= 4: %.0f (one after another: %.0f)%n",
                concurrent.concurrentGets().median() <= 4 ? "PASS" : "MISS", concurrent.callers(),
                concurrent.concurrentGets().median(), concurrent.sequentialGets().median());
        double wall = concurrent.concurrentMillis().median() / concurrent.singleMillis();
        out.printf(Locale.ROOT, "  %-4s %d concurrent registrations: wall <= 3x one registration: %.2fx (%.0f ms vs %.1f ms;"
                + " one after another: %.0f ms)%n", wall <= 3 ? "PASS" : "MISS", concurrent.callers(), wall,
                concurrent.concurrentMillis().median(), concurrent.singleMillis(), concurrent.sequentialMillis().median());
    }

    /** The heap target is about the client's extra heap: judged with the simulator out of this JVM. */
    private static String heapVerdict(CaseResult r) {
        return r.oursAlone() < 0 ? "n/a" : r.oursAlone() < HEAP_TARGET_RATIO * r.payloadBytes() ? "PASS" : "MISS";
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
