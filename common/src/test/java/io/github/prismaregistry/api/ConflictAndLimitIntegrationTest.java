package io.github.prismaregistry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictAndLimitIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(1000));

    @Test
    void atTheLimitOf19999EntriesRegisteringFailsClearlyAndWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.seed(19_999);

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOfSatisfying(RegistryLimitException.class, e -> {
                        assertThat(e.entries()).isEqualTo(19_999);
                        assertThat(e.limit()).isEqualTo(19_999);
                    })
                    .hasMessageContaining("holds 19999 entries")
                    .hasMessageContaining("Nothing was written")
                    .hasMessageContaining("Remove entries");
        }
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(19_999);
        assertThat(TestRegistrars.backupsLeft(backups)).isEmpty();
    }

    @Test
    void whenTheConsoleRefusesPostTheEntryIsAddedByPutKeepingEveryEntry() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.refusePost(true);
        List<ObjectNode> before = sim.specifications();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        List<ObjectNode> after = sim.specifications();
        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(after.subList(0, 1000)).isEqualTo(before);
        assertThat(count(after, REGISTRY, "team/app")).isEqualTo(1);
        assertThat(writes(sim)).extracting(w -> w.method() + " " + w.status()).containsExactly("POST 405", "PUT 200");
        assertThat(result.writes()).isEqualTo(2);
    }

    @Test
    void aForeignWriterErasingOurEntryAfterThePostIsNoticedAndTheEntryIsWrittenAgain() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").foreignWriteAfter(list -> {
            list.remove(list.size() - 1);
            return list;
        }));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.writes()).isEqualTo(2);
        assertThat(count(sim.specifications(), REGISTRY, "team/app")).isEqualTo(1);
        assertThat(log.warnings()).anyMatch(w -> w.contains("does not show the added entry"));
    }

    @Test
    void anEntryThatKeepsVanishingEndsInAVerificationError() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").always().foreignWriteAfter(list -> {
            list.remove(list.size() - 1);
            return list;
        }));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageContaining("another client");
        }
        assertThat(writes(sim)).hasSize(3);
    }

    @Test
    void entriesOfOthersErasedByAForeignWriterAreReportedButNotRestored() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").foreignWriteAfter(list -> new ArrayList<>(list.subList(10, list.size()))));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.writes()).isEqualTo(1);
        assertThat(sim.entryCount()).isEqualTo(991);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("10 entries that were in the list before this write are missing"));
    }

    @Test
    void aPostWhoseAnswerIsLostButThatLandedIsNotSentAgain() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").dropConnectionAfterProcessing());

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(writes(sim)).hasSize(1);
        assertThat(count(sim.specifications(), REGISTRY, "team/app")).isEqualTo(1);
    }

    @Test
    void aPostThatWasDroppedIsSentAgainOnlyAfterReadingTheList() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").dropConnection());

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(count(sim.specifications(), REGISTRY, "team/app")).isEqualTo(1);
        List<String> sequence = sim.requests().stream().filter(r -> "settings/registry".equals(r.endpoint()))
                .map(r -> r.method() + " " + r.status()).toList();
        assertThat(sequence).containsExactly("GET 200", "POST 0", "GET 200", "GET 200", "POST 200", "GET 200");
    }

    @Test
    void aConsoleRejectionOfThePostCarriesTheConsolesOwnMessage() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").respond(400, "{\"err\":\"invalid registry specification: os\"}"));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOfSatisfying(ConsoleRejectedException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.consoleMessage()).isEqualTo("invalid registry specification: os");
                    })
                    .hasMessageContaining("HTTP 400): invalid registry specification: os");
        }
        assertThat(sim.entryCount()).isEqualTo(1000);
    }

    @Test
    void sixteenThreadsRegisteringSixteenRepositoriesAtOnceAllLandWithoutLosingAnEntry() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> before = sim.specifications();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistrationResult>> results = new ArrayList<>();
        RegistryRegistrar shared = registrar(sim);
        try {
            for (int i = 0; i < 16; i++) {
                String repo = "team/app-" + i;
                boolean ownRegistrar = i % 2 == 0; // half share one registrar, half bring their own
                Callable<RegistrationResult> task = () -> {
                    start.await();
                    if (ownRegistrar) {
                        try (RegistryRegistrar own = registrar(sim)) {
                            return own.register(repository(repo).build());
                        }
                    }
                    return shared.register(repository(repo).build());
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<RegistrationResult> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS).action()).isEqualTo(Action.ADDED);
            }
        } finally {
            pool.shutdownNow();
            shared.close();
        }

        List<ObjectNode> after = sim.specifications();
        assertThat(after).hasSize(1016);
        assertThat(after.subList(0, 1000)).isEqualTo(before);
        for (int i = 0; i < 16; i++) {
            assertThat(count(after, REGISTRY, "team/app-" + i)).as("team/app-" + i).isEqualTo(1);
        }
    }
}
