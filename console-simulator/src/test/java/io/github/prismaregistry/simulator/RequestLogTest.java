package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void logRecordsEveryRequestInArrivalOrderWithItsDetails() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            Http http = Http.to(sim);
            http.get("/api/v1/version", ADMIN);
            http.post("/api/v34.04/settings/registry?scanLater=true", "{\"version\":\"2\"}", ADMIN);
            http.get("/api/v1/settings/registry", null);

            List<RecordedRequest> log = sim.requests();

            assertThat(log).extracting(RecordedRequest::method, RecordedRequest::endpoint, RecordedRequest::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("GET", "version", 200),
                            org.assertj.core.groups.Tuple.tuple("POST", "settings/registry", 200),
                            org.assertj.core.groups.Tuple.tuple("GET", "settings/registry", 401));
            RecordedRequest post = log.get(1);
            assertThat(post.apiVersion()).isEqualTo("v34.04");
            assertThat(post.path()).isEqualTo("/api/v34.04/settings/registry");
            assertThat(post.query()).isEqualTo("scanLater=true");
            assertThat(post.body()).isEqualTo("{\"version\":\"2\"}");
            assertThat(post.bodyLength()).isEqualTo(15);
            assertThat(post.header("content-type")).isEqualTo("application/json");
            assertThat(log.get(2).authScheme()).isNull();
            assertThat(log.get(2).user()).isNull();
        }
    }

    @Test
    void clearRequestsEmptiesTheLogButKeepsCounters() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            Http.to(sim).post("/api/v1/settings/registry", "{\"version\":\"2\"}", ADMIN);
            sim.clearRequests();

            assertThat(sim.requests()).isEmpty();
            assertThat(sim.writeCount()).isEqualTo(1);
        }
    }

    @Test
    void logIsBoundedByCountAndByBodyBytes() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().requestLogLimit(10, 100).start()) {
            Http http = Http.to(sim);
            String body = "{\"version\":\"2\",\"repository\":\"" + "x".repeat(40) + "\"}";
            for (int i = 0; i < 25; i++) {
                http.post("/api/v1/settings/registry", body, ADMIN);
            }

            List<RecordedRequest> log = sim.requests();

            assertThat(log.size()).isBetween(1, 10);
            assertThat(log.get(log.size() - 1).body()).isEqualTo(body);
            assertThat(log).allSatisfy(request -> assertThat(request.bodyLength()).isEqualTo(body.length()));
            assertThat(log.stream().filter(request -> request.body() != null).count()).isLessThanOrEqualTo(2);
            assertThat(sim.entryCount()).isEqualTo(25);
        }
    }
}
