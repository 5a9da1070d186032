package io.github.prismaregistry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Shared set-up for tests that run the real engine against the console simulator over HTTP. */
abstract class SimulatorTestSupport {

    /** A registry no seeded entry covers. */
    static final String REGISTRY = "ci.example.test";

    @TempDir
    Path backups;

    final CapturingLog log = new CapturingLog();

    static ConsoleConnection.Builder connection(ConsoleSimulator sim) {
        return TestRegistrars.connection(sim);
    }

    RegistryRegistrar registrar(ConsoleConnection connection) throws InvalidRequestException {
        return TestRegistrars.fast(connection, log, backups).build();
    }

    RegistryRegistrar registrar(ConsoleSimulator sim) throws InvalidRequestException {
        return registrar(connection(sim).build());
    }

    static RegistrationRequest.Builder repository(String repository) {
        return RegistrationRequest.builder().registry(REGISTRY).repository(repository);
    }

    static List<RecordedRequest> writes(ConsoleSimulator sim) {
        return sim.requests().stream()
                .filter(r -> "settings/registry".equals(r.endpoint()))
                .filter(r -> r.method().equals("POST") || r.method().equals("PUT"))
                .filter(r -> !ConsoleSimulator.FOREIGN_WRITER.equals(r.user()))
                .toList();
    }

    /** Adds entries at the end of the simulator's list, as another client would have. */
    static void append(ConsoleSimulator sim, ObjectNode... entries) {
        List<ObjectNode> list = new java.util.ArrayList<>(sim.specifications());
        list.addAll(List.of(entries));
        sim.setSpecifications(list);
    }

    static long count(List<ObjectNode> entries, String registry, String repository) {
        return entries.stream()
                .filter(e -> e.path("registry").asText().equals(registry) && e.path("repository").asText().equals(repository))
                .count();
    }

    static ObjectNode entry(String registry, String repository) {
        ObjectNode e = io.github.prismaregistry.settings.Json.MAPPER.createObjectNode();
        e.put("version", "2");
        e.put("registry", registry);
        e.put("repository", repository);
        e.put("tag", "");
        e.put("os", "linux");
        e.put("cap", 5);
        e.put("scanners", 2);
        e.putArray("collections").add("All");
        return e;
    }
}
