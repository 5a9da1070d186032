package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionAndPathTest {

    @Test
    void versionEndpointReturnsTheConsoleVersionAsAJsonString() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            HttpResponse<String> v1 = Http.to(sim).get("/api/v1/version", ADMIN);
            HttpResponse<String> versioned = Http.to(sim).get("/api/v34.04/version", ADMIN);

            assertThat(v1.statusCode()).isEqualTo(200);
            assertThat(v1.body()).isEqualTo("\"34.04.145\"");
            assertThat(versioned.body()).isEqualTo("\"34.04.145\"");
            assertThat(sim.apiVersion()).isEqualTo("v34.04");
        }
    }

    @Test
    void versionEndpointNeedsAuthentication() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            assertThat(Http.to(sim).get("/api/v1/version", null).statusCode()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v31.00", "v32.07", "v33.03", "v34.00", "v34.04"})
    void servesV1AndVersionsFromThreeMajorsBackUpToItsOwn(String version) throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            HttpResponse<String> response = Http.to(sim).get("/api/" + version + "/settings/registry", ADMIN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sim.requests().get(0).apiVersion()).isEqualTo(version);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v30.03", "v34.05", "v35.00", "v34.4", "v2", "latest"})
    void unsupportedVersionsAre404PageNotFound(String version) throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            HttpResponse<String> response = Http.to(sim).get("/api/" + version + "/settings/registry", ADMIN);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).startsWith("404 page not found");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
        }
    }

    @Test
    void olderConsoleVersionShiftsTheServedRange() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().consoleVersion("32.02.127").start()) {
            Http http = Http.to(sim);
            assertThat(http.get("/api/v1/version", ADMIN).body()).isEqualTo("\"32.02.127\"");
            assertThat(http.get("/api/v29.00/version", ADMIN).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v32.02/version", ADMIN).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v32.03/version", ADMIN).statusCode()).isEqualTo(404);
            assertThat(http.get("/api/v34.04/version", ADMIN).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void unknownEndpointsAre404() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            Http http = Http.to(sim);
            assertThat(http.get("/api/v1/settings/registry/abc", ADMIN).statusCode()).isEqualTo(404);
            assertThat(http.get("/api/v1/nothing", ADMIN).statusCode()).isEqualTo(404);
            assertThat(http.get("/", ADMIN).statusCode()).isEqualTo(404);
            assertThat(sim.requests()).extracting(RecordedRequest::status).containsOnly(404);
        }
    }

    @Test
    void pathPrefixIsPartOfTheUrlAndRequiredOnEveryCall() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().pathPrefix("/us-3-12345/").seed(1).start()) {
            HttpResponse<String> prefixed = Http.to(sim).get("/api/v1/settings/registry", ADMIN);
            HttpResponse<String> bare = new Http("http://127.0.0.1:" + sim.port()).get("/api/v1/settings/registry",
                    ADMIN);

            assertThat(sim.url()).isEqualTo("http://127.0.0.1:" + sim.port() + "/us-3-12345");
            assertThat(sim.pathPrefix()).isEqualTo("/us-3-12345");
            assertThat(prefixed.statusCode()).isEqualTo(200);
            assertThat(bare.statusCode()).isEqualTo(404);
            assertThat(sim.requests().get(0).path()).isEqualTo("/us-3-12345/api/v1/settings/registry");
            assertThat(sim.requests().get(0).endpoint()).isEqualTo("settings/registry");
        }
    }

    @Test
    void authenticateWorksUnderThePrefixAndOnVersionedPaths() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().pathPrefix("tenant").start()) {
            HttpResponse<String> response = Http.to(sim).post("/api/v34.04/authenticate",
                    "{\"username\":\"admin\",\"password\":\"admin\"}", null);
            assertThat(sim.url()).endsWith("/tenant");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"token\":\"");
        }
    }
}
