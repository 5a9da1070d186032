package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.RegistrationRequest;

/** The entry the benchmarks add and remove, on a registry the simulator's seed never uses. */
final class BenchmarkEntries {

    static final String REGISTRY = "registry.bench.example";
    static final String REPOSITORY = "team/bench-app";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchmarkEntries() {
    }

    static RegistrationRequest request() {
        return RegistrationRequest.builder().registry(REGISTRY).repository(REPOSITORY).build();
    }

    /** The entry as register sends it with default settings (used only where no captured one is at hand). */
    static ObjectNode ours() {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("version", "2");
        entry.put("registry", REGISTRY);
        entry.put("repository", REPOSITORY);
        entry.put("tag", "");
        entry.put("os", RegistrationRequest.DEFAULT_OS);
        entry.put("cap", RegistrationRequest.DEFAULT_CAP);
        entry.put("scanners", RegistrationRequest.DEFAULT_SCANNERS);
        entry.putArray("collections").add("All");
        entry.put("credentialID", "");
        return entry;
    }

    /** Someone else's entry on the same registry, which neither covers ours nor is removed with it. */
    static ObjectNode foreign() {
        ObjectNode entry = ours();
        entry.put("repository", "other-team/other-app");
        return entry;
    }

    static ObjectNode noExplicitFields() {
        return MAPPER.createObjectNode();
    }
}
