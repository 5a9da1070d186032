package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultTest {

    private static final String REGISTRY = "/api/v1/settings/registry";
    private static final String ENTRY = "{\"version\":\"2\",\"registry\":\"\",\"repository\":\"library/mine\"}";

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(4));

    @Test
    void respondFiresOnTheNthMatchingRequestOnly() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        sim.inject(Fault.on("GET", "settings/registry").nth(2).respond(503, "{\"err\":\"unavailable\"}"));

        http.get("/api/v1/version", ADMIN);
        int first = http.get(REGISTRY, ADMIN).statusCode();
        HttpResponse<String> second = http.get(REGISTRY, ADMIN);
        int third = http.get(REGISTRY, ADMIN).statusCode();

        assertThat(first).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.body()).isEqualTo("{\"err\":\"unavailable\"}");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(third).isEqualTo(200);
        assertThat(sim.requests("GET", "settings/registry")).extracting(RecordedRequest::status)
                .containsExactly(200, 503, 200);
        assertThat(sim.pendingFaults()).isZero();
    }

    @Test
    void respondedRequestsAreNotProcessed() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("POST", "settings/registry").respond(502, "Bad Gateway"));

        HttpResponse<String> response = Http.to(sim).post(REGISTRY, ENTRY, ADMIN);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(sim.entryCount()).isEqualTo(4);
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void timesAndAlwaysControlHowOftenAFaultFires() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        sim.inject(Fault.on("GET", "settings/registry").nth(2).times(2).respond(504, ""));
        sim.inject(Fault.on("PUT", "*").always().respond(500, "{\"err\":\"down\"}"));

        int[] gets = new int[5];
        for (int i = 0; i < gets.length; i++) {
            gets[i] = http.get(REGISTRY, ADMIN).statusCode();
        }
        int put1 = http.put(REGISTRY, "{}", ADMIN).statusCode();
        int put2 = http.put(REGISTRY, "{}", ADMIN).statusCode();
        sim.clearFaults();
        int put3 = http.put(REGISTRY, "{}", ADMIN).statusCode();

        assertThat(gets).containsExactly(200, 504, 504, 200, 200);
        assertThat(List.of(put1, put2, put3)).containsExactly(500, 500, 200);
        assertThat(sim.entryCount()).isZero();
    }

    @Test
    void faultsCountOnlyMatchingMethodAndEndpointFromInjection() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        http.post(REGISTRY, ENTRY, ADMIN);
        sim.inject(Fault.on("post", "/settings/registry").nth(2).respond(503, "{\"err\":\"busy\"}"));

        http.get(REGISTRY, ADMIN);
        http.get("/api/v1/version", ADMIN);
        int firstPost = http.post(REGISTRY, ENTRY, ADMIN).statusCode();
        http.get(REGISTRY, ADMIN);
        int secondPost = http.post(REGISTRY, ENTRY, ADMIN).statusCode();

        assertThat(firstPost).isEqualTo(200);
        assertThat(secondPost).isEqualTo(503);
    }

    @Test
    void respond429SendsRetryAfter() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("GET", "settings/registry").respond429(2));

        HttpResponse<String> response = Http.to(sim).get(REGISTRY, ADMIN);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(ConsoleSimulator.MAPPER.readTree(response.body()).has("err")).isTrue();
    }

    @Test
    void delayHoldsTheResponsePastAShortClientTimeoutThenProcessesIt() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("POST", "settings/registry").delay(Duration.ofSeconds(2)));
        Http http = Http.to(sim);

        assertThatThrownBy(() -> http.send("POST", REGISTRY, ENTRY, ADMIN, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        // The delayed request still lands: the client cannot know, which is the point of the fault.
        HttpResponse<String> next = http.get(REGISTRY, ADMIN);
        assertThat(next.statusCode()).isEqualTo(200);
        awaitEntryCount(sim, 5);
    }

    @Test
    void dropConnectionClosesWithoutResponseAndWithoutProcessing() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("POST", "settings/registry").dropConnection());

        assertThatThrownBy(() -> Http.to(sim).post(REGISTRY, ENTRY, ADMIN)).isInstanceOf(IOException.class);

        assertThat(sim.entryCount()).isEqualTo(4);
        assertThat(sim.requests("POST", "settings/registry")).singleElement()
                .satisfies(request -> assertThat(request.status()).isZero());
        assertThat(Http.to(sim).post(REGISTRY, ENTRY, ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void dropConnectionAfterProcessingLandsTheWriteButSendsNoResponse() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("POST", "settings/registry").dropConnectionAfterProcessing());

        assertThatThrownBy(() -> Http.to(sim).post(REGISTRY, ENTRY, ADMIN)).isInstanceOf(IOException.class);

        assertThat(sim.entryCount()).isEqualTo(5);
        assertThat(sim.writeCount()).isEqualTo(1);
    }

    @Test
    void truncateBodySendsHalfTheJsonThenCloses() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("GET", "settings/registry").always().truncateBody());

        assertThatThrownBy(() -> Http.to(sim).get(REGISTRY, ADMIN)).isInstanceOf(IOException.class);
        sim.clearFaults();
        assertThat(Http.to(sim).get(REGISTRY, ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedBodyIsReallyHalfOfTheRealOne() throws Exception {
        ConsoleSimulator sim = console.get();
        String full = Http.to(sim).get(REGISTRY, ADMIN).body();
        sim.inject(Fault.on("GET", "settings/registry").truncateBody());

        byte[] received = RawHttp.exchange(sim.port(), "GET /api/v1/settings/registry HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + ADMIN + "\r\n\r\n");

        byte[] fullBytes = full.getBytes(StandardCharsets.UTF_8);
        int headerEnd = RawHttp.headerEnd(received);
        String head = new String(received, 0, headerEnd, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(received, headerEnd, received.length);
        assertThat(head).startsWith("HTTP/1.1 200 ").contains("Content-Length: " + fullBytes.length);
        assertThat(body).isEqualTo(Arrays.copyOf(fullBytes, fullBytes.length / 2));
    }

    @Test
    void foreignWriteAfterReplacesTheListAfterOurPostAndIsLoggedAsAPut() throws Exception {
        ConsoleSimulator sim = console.get();
        // A concurrent full-list PUT built from a stale GET: it loses the entry we just added.
        sim.inject(Fault.on("POST", "settings/registry").foreignWriteAfter(list -> {
            list.remove(list.size() - 1);
            return list;
        }));

        assertThat(Http.to(sim).post(REGISTRY, ENTRY, ADMIN).statusCode()).isEqualTo(200);

        assertThat(sim.specifications()).isEqualTo(ConsoleSimulator.seedEntries(4));
        List<RecordedRequest> log = sim.requests();
        assertThat(log).extracting(RecordedRequest::method).containsExactly("POST", "PUT");
        assertThat(log.get(1).user()).isEqualTo(ConsoleSimulator.FOREIGN_WRITER);
        assertThat(log.get(1).endpoint()).isEqualTo("settings/registry");
        assertThat(log.get(1).body()).startsWith("{\"specifications\":[");
        assertThat(sim.writeCount()).isEqualTo(1);
    }

    @Test
    void foreignWriteBeforeHappensBeforeTheRequestIsServed() throws Exception {
        ConsoleSimulator sim = console.get();
        ObjectNode someoneElses = ConsoleSimulator.MAPPER.createObjectNode().put("version", "2")
                .put("repository", "someone/else");
        sim.inject(Fault.on("GET", "settings/registry").nth(2).foreignWriteBefore(list -> {
            list.add(someoneElses);
            return list;
        }));
        Http http = Http.to(sim);

        String first = http.get(REGISTRY, ADMIN).body();
        String second = http.get(REGISTRY, ADMIN).body();

        assertThat(ConsoleSimulator.MAPPER.readTree(first).get("specifications")).hasSize(4);
        assertThat(ConsoleSimulator.MAPPER.readTree(second).get("specifications")).hasSize(5);
        assertThat(sim.requests()).extracting(request -> request.method() + " " + request.user())
                .containsExactly("GET admin", "PUT foreign-writer", "GET admin");
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void foreignWriterCanEraseEverythingAndItsLaterChangesDoNotLeakIn() throws Exception {
        ConsoleSimulator sim = console.get();
        List<List<ObjectNode>> seen = new java.util.ArrayList<>();
        sim.inject(Fault.on("GET", "settings/registry").foreignWriteBefore(list -> {
            seen.add(list);
            return List.of(list.get(0));
        }));

        Http.to(sim).get(REGISTRY, ADMIN);
        seen.get(0).get(0).put("repository", "mutated afterwards");

        assertThat(sim.specifications()).hasSize(1);
        assertThat(sim.specifications().get(0)).isEqualTo(ConsoleSimulator.seedEntries(1).get(0));
    }

    @Test
    void faultsApplyToAuthenticateToo() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("POST", "authenticate").respond(503, "{\"err\":\"later\"}"));
        Http http = Http.to(sim);

        HttpResponse<String> failed = http.post("/api/v1/authenticate",
                "{\"username\":\"admin\",\"password\":\"admin\"}", null);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(http.login("admin", "admin")).isNotBlank();
        assertThat(sim.loginCount()).isEqualTo(1);
    }

    @Test
    void faultsCombineDelayWithAResponse() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("GET", "version").delay(Duration.ofMillis(50)).respond(500, "{\"err\":\"x\"}"));
        assertThat(Http.to(sim).get("/api/v1/version", ADMIN).statusCode()).isEqualTo(500);
    }

    @Test
    void aFaultHasOnlyOneResponseAction() {
        assertThatThrownBy(() -> Fault.on("GET", "version").dropConnection().truncateBody())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.on("GET", "version").nth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitEntryCount(ConsoleSimulator sim, int expected) throws InterruptedException {
        for (int i = 0; i < 100 && sim.entryCount() != expected; i++) {
            Thread.sleep(50);
        }
        assertThat(sim.entryCount()).isEqualTo(expected);
    }
}
