package io.github.prismaregistry.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Threads registering, re-registering and unregistering repositories (their own and a few shared ones) while a
 * foreign tool rewrites the whole list at random moments with its own read-modify-write window. Bounded in
 * operations and in time; stops by itself. The short version runs by default; {@code -Dsoak} adds the long one.
 */
@ExtendWith(ScenarioReport.class)
class SoakTest {

    @Test
    void miniSoakWithAForeignWriterLosesNothing() throws Exception {
        soak(4, 40, Duration.ofSeconds(60), "mini-soak", 20, 80);
    }

    @Test
    @EnabledIfSystemProperty(named = "soak", matches = "(?i)|true")
    void soakWithAForeignWriterLosesNothing() throws Exception {
        soak(8, 400 / 8, Duration.ofSeconds(120), "soak", 20, 200);
    }

    /** The foreign writer pauses {@code foreignMinMillis} plus up to {@code foreignSpreadMillis} between writes. */
    private void soak(int threads, int opsPerThread, Duration limit, String label, int foreignMinMillis,
            int foreignSpreadMillis) throws Exception {
        long seed = Long.getLong("soak.seed", System.nanoTime());
        try (Harness h = Harness.start()) {
            List<ObjectNode> before = h.sim.specifications();
            Multiset mustPersist = Multiset.of(before);
            h.sim.clearRequests();
            long deadline = System.nanoTime() + limit.toNanos();

            Map<String, Integer> actions = new ConcurrentHashMap<>();
            List<String> typedErrors = Collections.synchronizedList(new ArrayList<>());
            List<String> untypedErrors = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger done = new AtomicInteger();
            Set<String> ourRepos = ConcurrentHashMap.newKeySet();

            ForeignWriter foreign = new ForeignWriter(h, new Random(seed ^ 0x5EED), foreignMinMillis,
                    foreignSpreadMillis);
            Thread foreignThread = new Thread(() -> foreign.run(deadline), "soak-foreign-writer");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                foreignThread.start();
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Random random = new Random(seed + t);
                    workers.add(pool.submit(() -> {
                        List<String> repos = List.of("soak/t" + thread + "-app-a", "soak/t" + thread + "-app-b",
                                "soak/shared-app-" + random.nextInt(2));
                        ourRepos.addAll(repos);
                        try (RegistryRegistrar registrar = h.registrar()) {
                            String lastRegistered = null;
                            for (int i = 0; i < opsPerThread && System.nanoTime() < deadline; i++) {
                                int pick = random.nextInt(100);
                                String repo = repos.get(random.nextInt(repos.size()));
                                try {
                                    RegistrationResult r;
                                    if (pick < 45) {
                                        r = registrar.register(Harness.request(repo));
                                        lastRegistered = repo;
                                    } else if (pick < 65 && lastRegistered != null) {
                                        r = registrar.register(Harness.request(lastRegistered));
                                    } else {
                                        r = registrar.unregister(Harness.request(repo));
                                    }
                                    actions.merge(r.action().name(), 1, Integer::sum);
                                } catch (PrismaRegistryException e) {
                                    typedErrors.add(e.getClass().getSimpleName()
                                            + (String.valueOf(e.getMessage()).contains(Harness.CANARY) ? " SHOWING THE PASSWORD" : ""));
                                } catch (RuntimeException e) {
                                    untypedErrors.add(e.toString());
                                }
                                done.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get(limit.toSeconds() + 60, TimeUnit.SECONDS);
                }
            } finally {
                foreign.stop();
                foreignThread.join(10_000);
                pool.shutdownNow();
            }

            List<ObjectNode> after = h.sim.specifications();
            int lost = mustPersist.missingFrom(Multiset.of(after));
            int duplicates = 0;
            for (String repo : ourRepos) {
                duplicates += (int) Math.max(0, after.stream().filter(e -> Harness.isOurs(e, repo)).count() - 1);
            }
            long foreignOverwritten = foreign.alive().stream().filter(e -> after.stream().noneMatch(e::equals)).count();
            String outcome = done.get() + " ops " + new TreeMap<>(actions)
                    + ", typed errors " + typedErrors.size() + (typedErrors.isEmpty() ? "" : " " + summarise(typedErrors))
                    + ", foreign writes " + foreign.writes()
                    + (foreignOverwritten == 0 ? "" : ", note: " + foreignOverwritten + " foreign additions overwritten"
                    + " by a later full-list write (ours: an unregister PUT built from a GET taken just before their write)")
                    + (untypedErrors.isEmpty() ? "" : "; WRONG: untyped errors " + untypedErrors)
                    + ", seed " + seed;
            ScenarioReport.record(new ScenarioRow(label + ": " + threads + " threads x " + opsPerThread
                    + " ops, foreign full-list writer every " + foreignMinMillis + "-" + (foreignMinMillis
                    + foreignSpreadMillis) + " ms", h.ourWrites(), before.size(), after.size(),
                    lost, duplicates, outcome, (int) foreignOverwritten));
            assertThat(lost).as("entries lost in the %s (seed %d)", label, seed).isZero();
            assertThat(typedErrors).as("error messages showing the password").noneMatch(e -> e.endsWith("PASSWORD"));
            assertThat(untypedErrors).as("untyped errors").isEmpty();
            assertThat(h.canaryLeaked()).as("password in a log line or backup file").isFalse();
            assertThat(done.get()).as("operations completed before the time limit").isPositive();
            assertThat(foreign.failure()).as("the foreign writer ran to the end").isNull();
            assertThat(foreign.writes()).as("foreign full-list writes during the %s", label).isPositive();
        }
    }

    private static Map<String, Integer> summarise(List<String> names) {
        Map<String, Integer> counts = new TreeMap<>();
        synchronized (names) {
            names.forEach(n -> counts.merge(n, 1, Integer::sum));
        }
        return counts;
    }

    /**
     * Another team's tool: reads the whole list over HTTP, takes a moment, PUTs the whole list back with one of its
     * own entries added or removed. Between its read and its write it erases whatever others wrote, as such tools do.
     */
    private static final class ForeignWriter {
        private final Harness h;
        private final Random random;
        private final List<ObjectNode> alive = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (ConsoleSimulator.FOREIGN_WRITER + ":" + Harness.FOREIGN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        private volatile boolean stopped;
        private volatile Exception failure;
        private int writes;
        private int next;

        private final int minPause;
        private final int pauseSpread;

        ForeignWriter(Harness h, Random random, int minPause, int pauseSpread) {
            this.h = h;
            this.random = random;
            this.minPause = minPause;
            this.pauseSpread = pauseSpread;
        }

        void run(long deadline) {
            try {
                while (!stopped && System.nanoTime() < deadline) {
                    Thread.sleep(minPause + random.nextInt(pauseSpread));
                    ObjectNode settings = (ObjectNode) Json.parse(send("GET", null));
                    ArrayNode list = (ArrayNode) settings.get("specifications");
                    Thread.sleep(random.nextInt(20));
                    synchronized (this) {
                        if (alive.isEmpty() || random.nextBoolean()) {
                            ObjectNode added = Harness.foreignEntry("foreign/soak-" + next++);
                            list.add(added);
                            alive.add(added);
                        } else {
                            JsonNode removed = alive.remove(random.nextInt(alive.size()));
                            for (int i = list.size() - 1; i >= 0; i--) {
                                if (list.get(i).equals(removed)) {
                                    list.remove(i);
                                }
                            }
                        }
                        writes++;
                    }
                    send("PUT", Json.bytes(settings));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }

        private byte[] send(String method, byte[] body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(h.sim.url() + "/api/v1/settings/registry"))
                    .header("Authorization", authorization);
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("the foreign writer's " + method + " got HTTP " + response.statusCode());
            }
            return response.body();
        }

        /** Why the foreign writer stopped early, or null: a soak without its foreign writes would prove little. */
        Exception failure() {
            return failure;
        }

        void stop() {
            stopped = true;
        }

        synchronized List<ObjectNode> alive() {
            return new ArrayList<>(alive);
        }

        synchronized int writes() {
            return writes;
        }
    }
}
