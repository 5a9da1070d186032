package io.github.prismaregistry.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 32 pipelines registering at the same moment, each with its own registrar (as parallel Jenkins branches or
 * {@code mvn -T} modules do): 28 distinct repositories and 4 of one shared repository.
 */
@ExtendWith(ScenarioReport.class)
class ConcurrentRegistrationsTest {

    private static final int DISTINCT = 28;
    private static final int SAME = 4;

    @Test
    void thirtyTwoSimultaneousRegistrationsLoseNothingAndCountDuplicates() throws Exception {
        try (Harness h = Harness.start()) {
            List<ObjectNode> before = h.sim.specifications();
            Multiset mustPersist = Multiset.of(before);
            List<String> repos = new ArrayList<>();
            for (int i = 0; i < DISTINCT; i++) {
                repos.add("concurrent/app-" + i);
            }
            for (int i = 0; i < SAME; i++) {
                repos.add("concurrent/shared-app");
            }
            h.sim.clearRequests();

            ExecutorService pool = Executors.newFixedThreadPool(repos.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RegistrationResult>> futures = new ArrayList<>();
            try {
                for (String repo : repos) {
                    futures.add(pool.submit(() -> {
                        try (RegistryRegistrar registrar = h.registrar()) {
                            go.await();
                            return registrar.register(Harness.request(repo));
                        }
                    }));
                }
                go.countDown();
                Map<Action, Integer> actions = new EnumMap<>(Action.class);
                List<String> errors = new ArrayList<>();
                for (Future<RegistrationResult> f : futures) {
                    try {
                        actions.merge(f.get(120, TimeUnit.SECONDS).action(), 1, Integer::sum);
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
                        assertThat(String.valueOf(e.getCause().getMessage())).doesNotContain(Harness.CANARY);
                    }
                }

                List<ObjectNode> after = h.sim.specifications();
                int lost = mustPersist.missingFrom(Multiset.of(after));
                Set<String> distinctRepos = new LinkedHashSet<>(repos);
                int duplicates = 0;
                List<String> missing = new ArrayList<>();
                for (String repo : distinctRepos) {
                    long copies = after.stream().filter(e -> Harness.isOurs(e, repo)).count();
                    duplicates += (int) Math.max(0, copies - 1);
                    if (copies == 0) {
                        missing.add(repo);
                    }
                }
                String outcome = actions + (errors.isEmpty() ? "" : "; errors: " + errors)
                        + (missing.isEmpty() ? "" : "; WRONG: never written: " + missing);
                ScenarioReport.record(new ScenarioRow("32 concurrent registrars: 28 distinct repositories + 4 x one"
                        + " repository", h.ourWrites(), before.size(), after.size(), lost, duplicates, outcome));

                assertThat(lost).as("entries lost").isZero();
                assertThat(h.canaryLeaked()).as("password in a log line or backup file").isFalse();
                assertThat(errors).as("errors: every registration should succeed").isEmpty();
                assertThat(missing).as("repositories whose registration reported success but is absent").isEmpty();
                assertThat(after).as("every repository at least once")
                        .hasSizeGreaterThanOrEqualTo(before.size() + distinctRepos.size());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
