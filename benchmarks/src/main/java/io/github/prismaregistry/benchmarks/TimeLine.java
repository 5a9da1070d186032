package io.github.prismaregistry.benchmarks;

import io.github.prismaregistry.api.RegistryLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one operation of ours spends its time, from the moments its own log lines appear (the client logs each
 * request when its answer, body included, is in): first GET with its index pass, planning and the backup forced to
 * disk, the write, the verifying GET, and what follows. Medians over several operations.
 */
final class TimeLine {

    /** Records when each line arrives. */
    static final class Recorder implements RegistryLog {
        private final List<long[]> times = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private long start;

        synchronized void start() {
            times.clear();
            lines.clear();
            start = System.nanoTime();
        }

        private synchronized void record(String message) {
            times.add(new long[] {System.nanoTime() - start});
            lines.add(message);
        }

        @Override
        public void info(String message) {
            record(message);
        }

        @Override
        public void warn(String message) {
            record(message);
        }

        @Override
        public void debug(String message) {
            record(message);
        }

        /** Phase name to milliseconds, for one operation that ended {@code endNanos} after {@link #start()}. */
        synchronized Map<String, Double> phases(long endNanos) {
            Map<String, Double> phases = new LinkedHashMap<>();
            long last = 0;
            int gets = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                long t = times.get(i)[0];
                String phase = null;
                if (line.startsWith("GET ") && line.contains("settings/registry")) {
                    phase = gets++ == 0 ? "first GET + index" : "verifying GET + index";
                } else if (line.startsWith("Saved the registry settings")) {
                    phase = "plan + backup forced to disk";
                } else if ((line.startsWith("POST ") || line.startsWith("PUT ")) && line.contains("settings/registry")) {
                    phase = "write (body built, sent, answered)";
                }
                if (phase != null) {
                    phases.merge(phase, (t - last) / 1e6, Double::sum);
                    last = t;
                }
            }
            phases.merge("the rest (plan or compare, result)", (endNanos - last) / 1e6, Double::sum);
            return phases;
        }
    }

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    void add(Map<String, Double> phases) {
        phases.forEach((phase, millis) -> samples.computeIfAbsent(phase, k -> new ArrayList<>()).add(millis));
    }

    /** One line: each phase's median. */
    String describe() {
        StringBuilder out = new StringBuilder();
        samples.forEach((phase, millis) -> out.append(out.length() == 0 ? "" : " | ").append(String.format(Locale.ROOT,
                "%s %.1f", phase, Stats.of(millis.stream().mapToDouble(Double::doubleValue).toArray()).median())));
        return out + " (ms)";
    }
}
