package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.settings.RegistrySettings;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure merge planning over a full list (19,999 entries), without any HTTP: what the engine spends deciding,
 * given a parsed GET. Our entry sits at the end of the list, so every case scans all of it (the worst case).
 * Parsing and PUT-body building are measured beside it so the end-to-end figures can be explained.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PlannerBenchmark {

    /** Entries in every planned list: the Console's maximum. */
    static final int LIST_SIZE = 19_999;

    /** The index pass should keep up with memory rather than with a JSON parser. */
    static final double INDEX_TARGET_GB_PER_S = 1.5;

    private RegistrySettings withoutOurs;
    private RegistrySettings withOursLast;
    private DesiredEntry desired;
    private byte[] settingsBody;
    private int[] keptIndexes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SeededSettings seeded = SeededSettings.create(LIST_SIZE - 1);
        desired = new DesiredEntry(BenchmarkEntries.ours(), BenchmarkEntries.noExplicitFields());
        withoutOurs = RegistrySettings.parse(seeded.bodyWith(BenchmarkEntries.foreign()));
        settingsBody = seeded.bodyWith(BenchmarkEntries.ours());
        withOursLast = RegistrySettings.parse(settingsBody);
        int[] removeIndexes = Planner.planUnregister(withOursLast, desired).removeIndexes();
        keptIndexes = IntStream.range(0, withOursLast.size())
                .filter(i -> Arrays.binarySearch(removeIndexes, i) < 0).toArray();
        checkPlans();
    }

    /** The length of the body {@link #indexSettings()} reads. */
    static long settingsBodyLength() throws Exception {
        return SeededSettings.create(LIST_SIZE - 1).bodyWith(BenchmarkEntries.ours()).length;
    }

    /** A benchmark of the wrong case would be worse than none. */
    private void checkPlans() {
        expect(Planner.planRegister(withOursLast, desired, false), Plan.Kind.ALREADY_COVERED);
        expect(Planner.planRegister(withoutOurs, desired, false), Plan.Kind.ADD);
        expect(Planner.planUnregister(withOursLast, desired), Plan.Kind.REMOVE);
        if (withoutOurs.size() != LIST_SIZE || withOursLast.size() != LIST_SIZE) {
            throw new IllegalStateException("expected " + LIST_SIZE + " entries, got " + withoutOurs.size()
                    + " and " + withOursLast.size());
        }
    }

    private static void expect(Plan plan, Plan.Kind kind) {
        if (plan.kind() != kind) {
            throw new IllegalStateException("expected plan " + kind + " but the planner said " + plan);
        }
    }

    // The engine plans over the index of the GET body, as these do.
    @Benchmark
    public Plan planRegisterCovered() {
        return Planner.planRegister(withOursLast, desired, false);
    }

    @Benchmark
    public Plan planRegisterAdd() {
        return Planner.planRegister(withoutOurs, desired, false);
    }

    @Benchmark
    public Plan planUnregisterRemove() {
        return Planner.planUnregister(withOursLast, desired);
    }

    /** Context: indexing the GET body the planner reads (one index pass over the complete body). */
    @Benchmark
    public RegistrySettings indexSettings() throws Exception {
        return RegistrySettings.parseOwned(settingsBody);
    }

    /** Context: the unregister PUT body (every entry but ours, copied as received). */
    @Benchmark
    public byte[] buildRemovePutBody() {
        return withOursLast.putBody(keptIndexes, new JsonNode[keptIndexes.length]);
    }
}
