package io.github.prismaregistry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Registrations served together: one read for many, each with its own result, error and backup. */
class BatchIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(3000));

    private static List<RecordedRequest> settings(ConsoleSimulator sim, String method) {
        return sim.requests().stream()
                .filter(r -> "settings/registry".equals(r.endpoint()) && r.method().equals(method))
                .filter(r -> !ConsoleSimulator.FOREIGN_WRITER.equals(r.user()))
                .toList();
    }

    private static List<RegistrationRequest> repositories(String... names) {
        return java.util.Arrays.stream(names).map(n -> repository(n).build()).toList();
    }

    @Test
    void severalImagesInOneCallShareOneReadAndOneVerifyingRead() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> before = sim.specifications();
        List<RegistrationOutcome> outcomes;
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/warm-up").build()); // login and version discovery
            sim.clearRequests();
            outcomes = registrar.registerAll(repositories("team/a", "team/b", "team/c", "team/d"));
        }

        assertThat(outcomes).extracting(o -> o.result().action()).containsOnly(Action.ADDED);
        assertThat(outcomes).extracting(o -> o.result().entry().get("repository"))
                .containsExactly("team/a", "team/b", "team/c", "team/d");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().writes()).isEqualTo(1));
        assertThat(settings(sim, "GET")).hasSize(2);
        assertThat(settings(sim, "POST")).hasSize(4);
        assertThat(settings(sim, "PUT")).isEmpty();
        List<ObjectNode> after = sim.specifications();
        assertThat(after.subList(0, before.size() + 1)).containsAll(before);
        assertThat(after).hasSize(before.size() + 5);
        // One backup of the one read, named by every result.
        assertThat(outcomes).extracting(o -> o.result().backupFile()).containsOnly(outcomes.get(0).result().backupFile());
        assertThat(Json(outcomes.get(0).result().backupFile())).hasSize(before.size() + 1);
    }

    private static List<?> Json(java.nio.file.Path backup) throws Exception {
        List<Object> entries = new ArrayList<>();
        io.github.prismaregistry.settings.Json.MAPPER.readTree(Files.readAllBytes(backup)).get("specifications").forEach(entries::add);
        return entries;
    }

    @Test
    void oneRegistrationsFailureIsItsOwn() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").nth(2).respond(400, "{\"err\":\"bad entry\"}"));
        List<RegistrationRequest> requests = List.of(repository("team/one").build(),
                repository("team/two").build(),
                RegistrationRequest.builder().registry(REGISTRY).repository("UPPER/not allowed").build(),
                repository("team/three").build());
        List<RegistrationOutcome> outcomes;
        try (RegistryRegistrar registrar = registrar(sim)) {
            outcomes = registrar.registerAll(requests);
        }

        assertThat(outcomes.get(0).result().action()).isEqualTo(Action.ADDED);
        assertThat(outcomes.get(1).error()).isInstanceOf(ConsoleRejectedException.class).hasMessageContaining("bad entry");
        assertThat(outcomes.get(2).error()).isInstanceOf(InvalidRequestException.class);
        assertThat(outcomes.get(3).result().action()).isEqualTo(Action.ADDED);
        assertThat(outcomes).extracting(RegistrationOutcome::request).containsExactlyElementsOf(requests);
        assertThat(count(sim.specifications(), REGISTRY, "team/one")).isEqualTo(1);
        assertThat(count(sim.specifications(), REGISTRY, "team/two")).isZero();
        assertThat(count(sim.specifications(), REGISTRY, "team/three")).isEqualTo(1);
    }

    @Test
    void dryRunsNeverWriteAndTheSameEntryTwiceIsPostedOnce() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<RegistrationOutcome> outcomes;
        try (RegistryRegistrar registrar = registrar(sim)) {
            outcomes = registrar.registerAll(List.of(repository("team/dry").dryRun(true).build(),
                    repository("team/twice").build(), repository("team/twice").build(),
                    repository("team/dry-too").dryRun(true).build()));
        }

        assertThat(outcomes).extracting(o -> o.result().action())
                .containsExactly(Action.DRY_RUN, Action.ADDED, Action.ALREADY_COVERED, Action.DRY_RUN);
        assertThat(settings(sim, "POST")).hasSize(1);
        assertThat(count(sim.specifications(), REGISTRY, "team/twice")).isEqualTo(1);
        assertThat(count(sim.specifications(), REGISTRY, "team/dry")).isZero();
        assertThat(outcomes.get(0).result().backupFile()).isNull();
    }

    @Test
    void unregisteringSeveralRemovesEachAndReportsTheMissingOnes() throws Exception {
        ConsoleSimulator sim = simulator.get();
        int before = sim.entryCount();
        List<RegistrationOutcome> outcomes;
        List<ObjectNode> others = sim.specifications();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.registerAll(repositories("team/x", "team/y", "team/z"));
            sim.clearRequests();
            outcomes = registrar.unregisterAll(repositories("team/x", "team/never", "team/y", "team/x", "team/z"));
        }

        assertThat(outcomes).extracting(o -> o.result().action())
                .containsExactly(Action.REMOVED, Action.NOT_FOUND, Action.REMOVED, Action.NOT_FOUND, Action.REMOVED);
        assertThat(sim.entryCount()).isEqualTo(before);
        assertThat(sim.specifications()).isEqualTo(others);
        // Three removals, one PUT: read, write, verify; the second team/x finds its entry gone (one more read).
        assertThat(settings(sim, "PUT")).hasSize(1);
        assertThat(settings(sim, "GET")).hasSize(3);
        for (int i : new int[]{0, 2, 4}) {
            assertThat(outcomes.get(i).result().writes()).isEqualTo(1);
            assertThat(outcomes.get(i).result().backupFile()).isRegularFile();
        }
        assertThat(outcomes.get(1).result().writes()).isZero();
    }

    @Test
    void removalsServedByOnePutEachEndOnTheirOwnWhenAForeignWriterPutsOneBack() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.registerAll(repositories("team/gone", "team/back"));
            List<ObjectNode> withBoth = sim.specifications();
            ObjectNode back = withBoth.stream().filter(e -> "team/back".equals(e.path("repository").asText())).findFirst().orElseThrow();
            // Right after the shared PUT, someone writes team/back in again: its removal must be done once more, alone.
            sim.inject(Fault.on("PUT", "settings/registry").nth(1).foreignWriteAfter(list -> {
                List<ObjectNode> again = new ArrayList<>(list);
                again.add(back);
                return again;
            }));
            List<RegistrationOutcome> outcomes = registrar.unregisterAll(repositories("team/gone", "team/back"));
            assertThat(outcomes).extracting(o -> o.result().action()).containsExactly(Action.REMOVED, Action.REMOVED);
            assertThat(outcomes.get(1).result().writes()).isEqualTo(2);
        }
        assertThat(count(sim.specifications(), REGISTRY, "team/gone")).isZero();
        assertThat(count(sim.specifications(), REGISTRY, "team/back")).isZero();
    }

    @Test
    void concurrentRegistrationsFromSeparateRegistrarsShareReads() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> before = sim.specifications();
        int callers = 16;
        List<RegistryRegistrar> registrars = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            RegistryRegistrar registrar = registrar(sim);
            registrar.register(repository("team/warm-" + i).dryRun(true).build()); // each logs in once
            registrars.add(registrar);
        }
        sim.clearRequests();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RegistrationResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                RegistryRegistrar registrar = registrars.get(i);
                RegistrationRequest request = repository("team/parallel-" + i).build();
                results.add(pool.submit(() -> {
                    start.await();
                    return registrar.register(request);
                }));
            }
            start.countDown();
            for (int i = 0; i < callers; i++) {
                RegistrationResult result = results.get(i).get();
                assertThat(result.action()).isEqualTo(Action.ADDED);
                assertThat(result.entry()).containsEntry("repository", "team/parallel-" + i);
                assertThat(result.writes()).isEqualTo(1);
                assertThat(result.backupFile()).isRegularFile();
            }
        } finally {
            pool.shutdownNow();
            registrars.forEach(RegistryRegistrar::close);
        }
        // Served alone, 16 registrations would read the list 32 times.
        assertThat(settings(sim, "GET").size()).isLessThanOrEqualTo(8);
        assertThat(settings(sim, "POST")).hasSize(callers);
        List<ObjectNode> after = sim.specifications();
        assertThat(after).containsAll(before).hasSize(before.size() + callers);
        IntStream.range(0, callers).forEach(i -> assertThat(count(after, REGISTRY, "team/parallel-" + i)).isEqualTo(1));
    }

    @Test
    void aRegistrationThatComesWhileTheListIsBeingReadIsServedByThatRead() throws Exception {
        ConsoleSimulator sim = simulator.get();
        int before = sim.entryCount();
        try (RegistryRegistrar first = registrar(sim); RegistryRegistrar second = registrar(sim)) {
            first.register(repository("team/warm-first").dryRun(true).build());
            second.register(repository("team/warm-second").dryRun(true).build());
            sim.clearRequests();
            sim.inject(Fault.on("GET", "settings/registry").nth(1).delay(java.time.Duration.ofMillis(1_500)));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<RegistrationResult> early = pool.submit(() -> first.register(repository("team/early").build()));
                // The first read is held by the Console for 1.5 s: the second registration comes while it is under way.
                Thread.sleep(400);
                assertThat(early).isNotDone();
                Future<RegistrationResult> late = pool.submit(() -> second.register(repository("team/late").build()));
                assertThat(early.get().action()).isEqualTo(Action.ADDED);
                assertThat(late.get().action()).isEqualTo(Action.ADDED);
                assertThat(late.get().backupFile()).isRegularFile();
            } finally {
                pool.shutdownNow();
            }
        }
        // Served in turns of their own, they would read the list four times.
        assertThat(settings(sim, "GET")).hasSize(2);
        assertThat(settings(sim, "POST")).hasSize(2);
        assertThat(sim.entryCount()).isEqualTo(before + 2);
    }
}
