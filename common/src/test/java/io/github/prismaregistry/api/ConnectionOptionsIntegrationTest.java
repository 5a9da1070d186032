package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionOptionsIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .pathPrefix("/us-3-123456").seed(100).projects("Team A"));

    @Test
    void pathPrefixProjectAndTheDiscoveredApiVersionAreUsed() throws Exception {
        ConsoleSimulator sim = simulator.get();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(connection(sim).project("Team A").build())) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.apiVersion()).isEqualTo("v34.04");
        assertThat(result.consoleUrl()).endsWith("/us-3-123456");
        assertThat(sim.specifications("Team A")).singleElement().satisfies(e -> assertThat(e.get("repository").asText()).isEqualTo("team/app"));
        assertThat(sim.entryCount()).isEqualTo(100);
        List<RecordedRequest> requests = sim.requests();
        assertThat(requests).allSatisfy(r -> assertThat(r.path()).startsWith("/us-3-123456/api/"));
        assertThat(requests).filteredOn(r -> "settings/registry".equals(r.endpoint()))
                .allSatisfy(r -> {
                    assertThat(r.apiVersion()).isEqualTo("v34.04");
                    assertThat(r.queryParameter("project")).isEqualTo("Team A");
                });
        assertThat(requests.get(0).endpoint()).isEqualTo("authenticate");
        assertThat(requests.get(0).queryParameter("project")).isNull();
    }

    @Test
    void aPinnedApiVersionIsNormalisedAndUsed() throws Exception {
        ConsoleSimulator sim = simulator.get();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(connection(sim).apiVersion("34.03").build())) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.apiVersion()).isEqualTo("v34.03");
        assertThat(result.consoleVersion()).isEqualTo("34.04.145");
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.apiVersion()).isEqualTo("v34.03"));
    }

    @Test
    void whenTheVersionedPathIsMissingTheClientFallsBackToV1() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").respond(404, "404 page not found"));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.apiVersion()).isEqualTo("v1");
        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.apiVersion()).isEqualTo("v1"));
        assertThat(log.warnings()).anyMatch(w -> w.contains("using /api/v1"));
    }

    @Test
    void aConsoleWithoutAVersionEndpointIsStillServedOnV1() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "version").always().respond(404, "404 page not found"));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.apiVersion()).isEqualTo("v1");
        assertThat(result.consoleVersion()).isEqualTo("unknown");
        assertThat(sim.entryCount()).isEqualTo(101);
        assertThat(log.warnings()).anyMatch(w -> w.contains("does not report its version"));
    }

    @Test
    void aPinnedApiVersionWorksWithoutAVersionEndpoint() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "version").always().respond(404, "404 page not found"));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(connection(sim).apiVersion("v34.03").build())) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.apiVersion()).isEqualTo("v34.03"));
    }

    @Test
    void anOlderConsoleGetsItsOwnApiVersion() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().consoleVersion("32.07.123").seed(5).start();
             RegistryRegistrar registrar = registrar(sim)) {
            RegistrationResult result = registrar.register(repository("team/app").build());

            assertThat(result.consoleVersion()).isEqualTo("32.07.123");
            assertThat(result.apiVersion()).isEqualTo("v32.07");
        }
    }

    @Test
    void aTrailingSlashInTheConsoleUrlIsHarmless() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(ConsoleConnection.builder(sim.url() + "/")
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin")).build())) {
            assertThat(registrar.register(repository("team/app").build()).consoleUrl()).isEqualTo(sim.url());
        }
    }
}
