package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * GET bodies exactly as the simulator serves them for its realistic seed plus one extra entry, so the planner
 * benchmark parses the same bytes the engine receives end to end.
 */
final class SeededSettings {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    private final List<ObjectNode> seed;

    private SeededSettings(List<ObjectNode> seed) {
        this.seed = seed;
    }

    static SeededSettings of(List<ObjectNode> seed) {
        return new SeededSettings(List.copyOf(seed));
    }

    static SeededSettings create(int seededEntries) throws IOException {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().user(USER, PASSWORD).seed(seededEntries).start()) {
            return new SeededSettings(sim.specifications());
        }
    }

    byte[] bodyWith(ObjectNode extra) throws IOException, InterruptedException {
        List<ObjectNode> entries = new ArrayList<>(seed);
        entries.add(extra);
        try (ConsoleSimulator sim = ConsoleSimulator.builder().user(USER, PASSWORD).start()) {
            sim.setSpecifications(entries);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest get = HttpRequest.newBuilder(URI.create(sim.url() + "/api/v1/settings/registry"))
                    .header("Authorization", "Basic " + basic).GET().build();
            HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("simulator answered " + response.statusCode() + " to the settings GET");
            }
            return response.body();
        }
    }
}
