package io.github.prismaregistry.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registrations from separate JVMs at the same instant. Nothing serialises them, so two POSTs of the same
 * repository can both land: a duplicate, which is allowed and counted, never a loss.
 */
@ExtendWith(ScenarioReport.class)
class CrossProcessRegistrationsTest {

    @Test
    void simultaneousRegistrationsFromSeparateProcessesLoseNothingAndCountDuplicates() throws Exception {
        try (Harness h = Harness.start()) {
            List<ObjectNode> before = h.sim.specifications();
            Multiset mustPersist = Multiset.of(before);
            List<String> repos = List.of("processes/shared-app", "processes/shared-app", "processes/shared-app",
                    "processes/shared-app", "processes/app-1", "processes/app-2");
            h.sim.clearRequests();
            // Far enough ahead that every JVM has started and loaded its classes on a busy 2-core machine.
            long startAt = System.currentTimeMillis() + 6_000;
            List<Process> processes = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (String repo : repos) {
                Path output = h.backups.resolve("process-" + outputs.size() + ".out");
                outputs.add(output);
                processes.add(start(h.sim.url(), repo, startAt, output));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.waitFor(90, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    outcomes.merge("timed out", 1, Integer::sum);
                    continue;
                }
                String output = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
                assertThat(output).as("a separate process's output").doesNotContain(Harness.CANARY);
                String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                        .map(l -> l.substring(7).replaceAll(" writes=.*", "")).orElse("no result (exit "
                                + p.exitValue() + ")");
                outcomes.merge(result, 1, Integer::sum);
            }

            List<ObjectNode> after = h.sim.specifications();
            int lost = mustPersist.missingFrom(Multiset.of(after));
            Set<String> distinct = new LinkedHashSet<>(repos);
            int duplicates = 0;
            List<String> missing = new ArrayList<>();
            for (String repo : distinct) {
                long copies = after.stream().filter(e -> Harness.isOurs(e, repo)).count();
                duplicates += (int) Math.max(0, copies - 1);
                if (copies == 0) {
                    missing.add(repo);
                }
            }
            ScenarioReport.record(new ScenarioRow("6 separate JVMs at one instant: 4 x one repository + 2 distinct",
                    h.ourWrites(), before.size(), after.size(), lost, duplicates, outcomes
                    + (missing.isEmpty() ? "" : "; WRONG: never written: " + missing)));
            assertThat(lost).as("entries lost").isZero();
            assertThat(missing).as("repositories absent after the run").isEmpty();
            assertThat(outcomes.keySet()).as("every process ended with a result")
                    .allMatch(k -> k.equals("ADDED") || k.equals("ALREADY_COVERED"));
        }
    }

    private static Process start(String url, String repo, long startAt, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), RegisterInAnotherProcess.class.getName(), url, repo,
                Long.toString(startAt));
        pb.environment().put(RegisterInAnotherProcess.PASSWORD_VARIABLE, Harness.CANARY);
        pb.redirectErrorStream(true);
        // A file, not a pipe: a chatty child can never block on a full pipe while we wait for it.
        pb.redirectOutput(output.toFile());
        return pb.start();
    }
}
