package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrentPostsFromThirtyTwoClientsAllLandWhileReadersSeeWholeLists() throws Exception {
        int writers = 32;
        int postsPerWriter = 10;
        try (ConsoleSimulator sim = ConsoleSimulator.builder().seed(2000).start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Http http = new Http(sim.url(), client);
            ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
            AtomicBoolean writing = new AtomicBoolean(true);
            try {
                List<Future<List<Integer>>> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    readers.add(pool.submit(() -> {
                        List<Integer> sizes = new ArrayList<>();
                        do {
                            JsonNode body = ConsoleSimulator.MAPPER.readTree(
                                    http.get("/api/v1/settings/registry", ADMIN).body());
                            sizes.add(body.get("specifications").size());
                        } while (writing.get());
                        return sizes;
                    }));
                }
                List<Future<?>> posts = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    posts.add(pool.submit(() -> {
                        for (int p = 0; p < postsPerWriter; p++) {
                            int status = http.post("/api/v1/settings/registry?scanLater=true",
                                    "{\"version\":\"2\",\"registry\":\"r.example.com\",\"repository\":\"w" + writer
                                            + "/p" + p + "\"}", ADMIN).statusCode();
                            assertThat(status).isEqualTo(200);
                        }
                        return null;
                    }));
                }
                for (Future<?> post : posts) {
                    post.get();
                }
                writing.set(false);
                for (Future<List<Integer>> reader : readers) {
                    assertThat(reader.get()).isNotEmpty()
                            .allSatisfy(size -> assertThat(size).isBetween(2000, 2000 + writers * postsPerWriter));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(sim.entryCount()).isEqualTo(2000 + writers * postsPerWriter);
            assertThat(sim.writeCount()).isEqualTo(writers * postsPerWriter);
            Set<String> repositories = new HashSet<>();
            sim.specifications().subList(2000, sim.entryCount())
                    .forEach(entry -> repositories.add(entry.get("repository").asText()));
            assertThat(repositories).hasSize(writers * postsPerWriter);
        }
    }

    @Test
    void fullSizeListIsServedAndReplacedIntact() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().seed(ConsoleSimulator.DEFAULT_MAX_ENTRIES).start()) {
            Http http = Http.to(sim);
            String body = http.get("/api/v1/settings/registry", ADMIN).body();
            JsonNode settings = ConsoleSimulator.MAPPER.readTree(body);
            assertThat(settings.get("specifications")).hasSize(19_999);

            // Writing back exactly what was read keeps every entry, byte for byte.
            assertThat(http.put("/api/v1/settings/registry", body, ADMIN).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/settings/registry", ADMIN).body()).isEqualTo(body);
            assertThat(sim.entryCount()).isEqualTo(19_999);
            assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN).statusCode())
                    .isEqualTo(400);
        }
    }
}
