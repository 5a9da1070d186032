package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(3)
            .pathPrefix("/p"));

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return ConsoleSimulator.MAPPER.readTree(response.body());
    }

    @Test
    void specificationsReturnsTheCurrentListWithoutAuthentication() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).get("/_simulator/specifications", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(3);
        assertThat(json(response).get(2)).isEqualTo(sim.specifications().get(2));
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void specificationsCanBeReplaced() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).put("/_simulator/specifications",
                "[{\"version\":\"2\",\"repository\":\"admin-set\"}]", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.specifications()).singleElement()
                .satisfies(entry -> assertThat(entry.get("repository").asText()).isEqualTo("admin-set"));
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void requestsListsRecordedRequestsWithQueryAndUser() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String entry = "{\"version\":\"2\",\"repository\":\"q\"}";
        http.post("/api/v1/settings/registry?scanLater=true&project=Central+Console", entry, ADMIN);

        JsonNode requests = json(http.get("/_simulator/requests", null));

        assertThat(requests).hasSize(1);
        JsonNode recorded = requests.get(0);
        assertThat(recorded.get("method").asText()).isEqualTo("POST");
        assertThat(recorded.get("path").asText()).isEqualTo("/p/api/v1/settings/registry");
        assertThat(recorded.get("endpoint").asText()).isEqualTo("settings/registry");
        assertThat(recorded.get("query").asText()).isEqualTo("scanLater=true&project=Central+Console");
        assertThat(recorded.get("status").asInt()).isEqualTo(200);
        assertThat(recorded.get("bodyLength").asInt()).isEqualTo(entry.length());
        assertThat(recorded.get("user").asText()).isEqualTo("admin");
    }

    @Test
    void resetReseedsAndClearsLogAndFaults() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        http.put("/api/v1/settings/registry", "{}", ADMIN);
        sim.inject(Fault.on("GET", "settings/registry").always().respond(500, "{}"));

        HttpResponse<String> reset = http.post("/_simulator/reset?seed=7", null, null);

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isEqualTo(7);
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.writeCount()).isZero();
        assertThat(http.get("/api/v1/settings/registry", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsCanBeInjectedAsJson() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);

        HttpResponse<String> injected = http.post("/_simulator/faults",
                "{\"method\":\"POST\",\"endpoint\":\"settings/registry\",\"nth\":2,\"status\":503}", null);
        http.post("/_simulator/faults", "{\"method\":\"GET\",\"endpoint\":\"version\",\"retryAfter\":3}", null);
        http.post("/_simulator/faults", "{\"method\":\"GET\",\"endpoint\":\"credentials\",\"dropConnection\":true,"
                + "\"always\":true,\"delayMillis\":10}", null);

        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> second = http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(json(second).has("err")).isTrue();
        HttpResponse<String> limited = http.get("/api/v1/version", ADMIN);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        // always: java.net.http silently retries a GET once when a reused connection closes without an answer.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get("/api/v1/credentials", ADMIN))
                .isInstanceOf(IOException.class);
    }

    @Test
    void faultsWithUnknownFieldsOrNoEffectAreRejected() throws Exception {
        Http http = Http.to(console.get());
        HttpResponse<String> unknown = http.post("/_simulator/faults", "{\"endpoint\":\"version\",\"statsu\":500}",
                null);
        HttpResponse<String> noEffect = http.post("/_simulator/faults", "{\"endpoint\":\"version\"}", null);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("err").asText()).contains("statsu");
        assertThat(noEffect.statusCode()).isEqualTo(400);
        assertThat(console.get().pendingFaults()).isZero();
    }

    @Test
    void refusePostAndExpireTokensWork() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String token = http.login("admin", "admin");

        assertThat(http.post("/_simulator/refuse-post?value=true", null, null).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", Http.bearer(token)).statusCode())
                .isEqualTo(405);
        assertThat(http.post("/_simulator/refuse-post?value=false", null, null).statusCode()).isEqualTo(200);
        assertThat(http.post("/_simulator/expire-tokens", null, null).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", Http.bearer(token)).statusCode())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void statusReportsCounters() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        http.post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN);

        JsonNode status = json(http.get("/_simulator/status", null));

        assertThat(status.get("entryCount").asInt()).isEqualTo(4);
        assertThat(status.get("writeCount").asInt()).isEqualTo(1);
        assertThat(status.get("consoleVersion").asText()).isEqualTo("34.04.145");
        assertThat(status.get("url").asText()).isEqualTo(sim.url());
    }

    @Test
    void unknownAdminEndpointIs404WithTheListOfKnownOnes() throws Exception {
        HttpResponse<String> response = Http.to(console.get()).get("/_simulator/nothing", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("err").asText()).contains("reset");
    }
}
