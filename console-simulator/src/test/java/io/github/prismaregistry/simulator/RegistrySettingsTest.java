package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrySettingsTest {

    private static final String REGISTRY = "/api/v34.04/settings/registry";

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(5)
            .maxEntries(8).projects("Tenant A", "Empty"));

    private static JsonNode json(String text) throws Exception {
        return ConsoleSimulator.MAPPER.readTree(text);
    }

    @Test
    void getReturnsTheListWithTheTopLevelSuffixes() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).get(REGISTRY, ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response.body());
        assertThat(body.get("specifications")).hasSize(5);
        assertThat(body.get("specifications").get(0)).isEqualTo(sim.specifications().get(0));
        assertThat(body.get("webhookUrlSuffix").asText()).isNotEmpty();
        assertThat(body.get("harborScannerUrlSuffix").asText()).isNotEmpty();
    }

    @Test
    void putReplacesTheWholeList() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).put(REGISTRY + "?scanLater=false",
                "{\"specifications\":[{\"version\":\"2\",\"registry\":\"\",\"repository\":\"library/nginx\"},"
                        + "{\"version\":\"aws\",\"registry\":\"1.dkr.ecr.us-east-1.amazonaws.com\"}]}", ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(sim.specifications()).extracting(entry -> entry.get("version").asText())
                .containsExactly("2", "aws");
        assertThat(sim.writeCount()).isEqualTo(1);
    }

    @Test
    void putWithEmptyListEmptyObjectOrEmptyBodyErasesEverything() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);

        assertThat(http.put(REGISTRY, "{\"specifications\":[]}", ADMIN).statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isZero();

        sim.seed(3);
        assertThat(http.put(REGISTRY, "{}", ADMIN).statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isZero();

        sim.seed(3);
        assertThat(http.put(REGISTRY, "", ADMIN).statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isZero();
        assertThat(json(http.get(REGISTRY, ADMIN).body()).get("specifications")).isEmpty();
    }

    @Test
    void postAppendsTheBareObjectWithoutRemovingDuplicates() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String entry = "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\"}";

        assertThat(http.post(REGISTRY + "?scanLater=true", entry, ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.post(REGISTRY + "?scanLater=true", entry, ADMIN).statusCode()).isEqualTo(200);

        List<ObjectNode> entries = sim.specifications();
        assertThat(entries).hasSize(7);
        assertThat(entries.subList(0, 5)).isEqualTo(ConsoleSimulator.seedEntries(5));
        assertThat(entries.get(5)).isEqualTo(json(entry)).isEqualTo(entries.get(6));
        assertThat(sim.writeCount()).isEqualTo(2);
    }

    @Test
    void postBeyondTheLimitIsRejectedWith400AndAnErrMessage() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.seed(8);
        HttpResponse<String> response = Http.to(sim).post(REGISTRY, "{\"version\":\"2\",\"repository\":\"x\"}", ADMIN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("err").asText()).contains("8");
        assertThat(sim.entryCount()).isEqualTo(8);
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void putBeyondTheLimitIsRejectedWith400AndKeepsTheList() throws Exception {
        ConsoleSimulator sim = console.get();
        StringBuilder body = new StringBuilder("{\"specifications\":[");
        for (int i = 0; i < 9; i++) {
            body.append(i == 0 ? "" : ",").append("{\"version\":\"2\",\"repository\":\"r").append(i).append("\"}");
        }
        HttpResponse<String> response = Http.to(sim).put(REGISTRY, body.append("]}").toString(), ADMIN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).has("err")).isTrue();
        assertThat(sim.specifications()).isEqualTo(ConsoleSimulator.seedEntries(5));
    }

    @Test
    void putOfExactlyTheLimitIsAccepted() throws Exception {
        ConsoleSimulator sim = console.get();
        StringBuilder body = new StringBuilder("{\"specifications\":[");
        for (int i = 0; i < 8; i++) {
            body.append(i == 0 ? "" : ",").append("{\"version\":\"2\",\"repository\":\"r").append(i).append("\"}");
        }
        assertThat(Http.to(sim).put(REGISTRY, body.append("]}").toString(), ADMIN).statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isEqualTo(8);
    }

    @Test
    void invalidJsonAndWrongFieldTypesAreRejectedWith400() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);

        HttpResponse<String> broken = http.post(REGISTRY, "{\"version\":", ADMIN);
        HttpResponse<String> array = http.post(REGISTRY, "[{\"version\":\"2\"}]", ADMIN);
        HttpResponse<String> wrongType = http.post(REGISTRY, "{\"version\":\"2\",\"cap\":\"5\"}", ADMIN);
        HttpResponse<String> bareListPut = http.put(REGISTRY, "[]", ADMIN);
        HttpResponse<String> empty = http.post(REGISTRY, "", ADMIN);

        assertThat(List.of(broken, array, wrongType, bareListPut, empty))
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(400))
                .allSatisfy(response -> assertThat(json(response.body()).get("err").asText()).isNotBlank());
        assertThat(json(wrongType.body()).get("err").asText()).contains("cap");
        assertThat(sim.entryCount()).isEqualTo(5);
    }

    @Test
    void invalidScanLaterValueIsRejected() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).post(REGISTRY + "?scanLater=perhaps", "{\"version\":\"2\"}", ADMIN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sim.entryCount()).isEqualTo(5);
    }

    @Test
    void scanLaterIsRecordedAndDecidesWhetherAScanStarts() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        http.post(REGISTRY + "?scanLater=true", "{\"version\":\"2\",\"repository\":\"a\"}", ADMIN);
        http.post(REGISTRY + "?scanLater=false", "{\"version\":\"2\",\"repository\":\"b\"}", ADMIN);
        http.post(REGISTRY, "{\"version\":\"2\",\"repository\":\"c\"}", ADMIN);

        List<RecordedRequest> posts = sim.requests("POST", "settings/registry");
        assertThat(posts).extracting(request -> request.queryParameter("scanLater"))
                .containsExactly("true", "false", null);
        assertThat(sim.scansStarted()).isEqualTo(2);
        assertThat(sim.writeCount()).isEqualTo(3);
    }

    @Test
    void unknownFieldsZeroCapAndNonAsciiTextRoundTripByteForByte() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String entry = "{\"version\":\"gitlab\",\"registry\":\"https://registry.gitlab.com\",\"repository\":"
                + "\"équipe-données/テスト\",\"tag\":\"\",\"cap\":0,\"scanners\":2,\"collections\":[\"All\"],"
                + "\"credentialID\":\"gitlab-token\",\"gitlabRegistrySpec\":{\"userID\":\"14631394\",\"groupIDs\":[]},"
                + "\"caCert\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\","
                + "\"x-team-owner\":\"データ基盤\",\"x-nested\":{\"a\":[1,2.50,null,true],\"b\":{}},\"id\":\"abc\"}";

        assertThat(http.put(REGISTRY, "{\"specifications\":[" + entry + "]}", ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> read = http.get(REGISTRY, ADMIN);

        assertThat(read.body()).startsWith("{\"specifications\":[" + entry + "],");
        assertThat(ConsoleApi.bytes(sim.specifications().get(0)))
                .isEqualTo(entry.getBytes(StandardCharsets.UTF_8));

        assertThat(http.post(REGISTRY, entry, ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.get(REGISTRY, ADMIN).body()).startsWith("{\"specifications\":[" + entry + "," + entry + "],");
    }

    @Test
    void eachProjectHasItsOwnList() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String tenant = "?project=" + java.net.URLEncoder.encode("Tenant A", StandardCharsets.UTF_8);

        assertThat(http.post(REGISTRY + tenant, "{\"version\":\"2\",\"repository\":\"tenant-app\"}", ADMIN)
                .statusCode()).isEqualTo(200);

        assertThat(sim.entryCount("Tenant A")).isEqualTo(1);
        assertThat(sim.entryCount()).isEqualTo(5);
        assertThat(json(http.get(REGISTRY + tenant, ADMIN).body()).get("specifications")).hasSize(1);
        assertThat(json(http.get(REGISTRY + "?project=Central+Console", ADMIN).body()).get("specifications"))
                .hasSize(5);
        assertThat(json(http.get(REGISTRY + "?project=Empty", ADMIN).body()).get("specifications")).isEmpty();
        assertThat(sim.requests("POST", "settings/registry").get(0).queryParameter("project")).isEqualTo("Tenant A");
    }

    @Test
    void anUnknownProjectGetsNoListOfItsOwn() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);

        var post = http.post(REGISTRY + "?project=Tenant+B", "{\"version\":\"2\",\"repository\":\"typo-app\"}", ADMIN);
        var get = http.get(REGISTRY + "?project=Tenant+B", ADMIN);

        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("project Tenant B does not exist");
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(sim.entryCount("Tenant B")).isZero();
        assertThat(sim.entryCount()).isEqualTo(5);
    }

    @Test
    void currentProjectsListsTheCentralConsoleFirstThenTheOthers() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.addProject("Added Later");

        JsonNode projects = json(Http.to(sim).get("/api/v34.04/current/projects?project=Nowhere", ADMIN).body());

        assertThat(projects.findValuesAsText("_id")).containsExactly("Central Console", "Added Later", "Empty", "Tenant A");
    }

    @Test
    void refusePostAnswers405AndChangesNothing() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.refusePost(true);
        HttpResponse<String> refused = Http.to(sim).post(REGISTRY, "{\"version\":\"2\"}", ADMIN);
        sim.refusePost(false);
        HttpResponse<String> accepted = Http.to(sim).post(REGISTRY, "{\"version\":\"2\"}", ADMIN);

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isEqualTo(6);
        assertThat(sim.writeCount()).isEqualTo(1);
    }

    @Test
    void unsupportedMethodsGet405() throws Exception {
        ConsoleSimulator sim = console.get();
        assertThat(Http.to(sim).send("DELETE", REGISTRY, null, ADMIN).statusCode()).isEqualTo(405);
        assertThat(sim.entryCount()).isEqualTo(5);
    }

    @Test
    void getServesTheNewListRightAfterAWrite() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String before = http.get(REGISTRY, ADMIN).body();
        http.post(REGISTRY, "{\"version\":\"2\",\"repository\":\"fresh\"}", ADMIN);
        String after = http.get(REGISTRY, ADMIN).body();

        assertThat(json(before).get("specifications")).hasSize(5);
        assertThat(json(after).get("specifications")).hasSize(6);
        assertThat(after).contains("\"repository\":\"fresh\"");
    }

    @Test
    void stateCanBeSetAndReadThroughTheJavaApiAsCopies() throws Exception {
        ConsoleSimulator sim = console.get();
        ObjectNode mine = (ObjectNode) json("{\"version\":\"2\",\"repository\":\"mine\",\"cap\":0}");
        sim.setSpecifications(List.of(mine));
        mine.put("repository", "changed later");
        sim.specifications().get(0).put("repository", "changed copy");

        assertThat(sim.specifications().get(0).get("repository").asText()).isEqualTo("mine");
        assertThat(json(Http.to(sim).get(REGISTRY, ADMIN).body()).get("specifications").get(0).get("cap").asInt())
                .isZero();
        assertThat(sim.writeCount()).isZero();
    }
}
