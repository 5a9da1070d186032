package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.settings.RegistrySettings;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning on a GET as read (no trees for most entries) decides exactly what planning on trees decides. */
class PlannerOnIndexTest {

    @Test
    void indexedPlansEqualTreePlansOnSeededLists() throws Exception {
        List<ObjectNode> seeded = ConsoleSimulator.seedEntries(2_000);
        List<JsonNode> list = new ArrayList<>(seeded);
        // Odd values the planner must read the same way: numbers, wildcards, exclusions, Docker Hub aliases.
        list.add(Json.MAPPER.readTree("{\"version\":2,\"registry\":\"\",\"repository\":\"library/nginx\",\"tag\":\"\"}"));
        list.add(Json.MAPPER.readTree("{\"version\":\"2\",\"registry\":\"docker.io\",\"repository\":\"team/*\","
                + "\"excludedRepositories\":[\"team/secret\"],\"tag\":\"\"}"));
        list.add(Json.MAPPER.readTree("{\"version\":\"2\",\"registry\":\"index.docker.io\",\"repository\":\"team/app\",\"tag\":\"v1\","
                + "\"cap\":5,\"os\":\"linux\"}"));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("specifications").addAll(list);
        RegistrySettings settings = RegistrySettings.parse(Json.bytes(root));

        List<DesiredEntry> desired = new ArrayList<>();
        Random random = new Random(7);
        for (int k = 0; k < 40; k++) {
            JsonNode e = list.get(random.nextInt(list.size()));
            desired.add(desiredLike(e, e.path("tag").asText(""), "{}"));
            desired.add(desiredLike(e, "pinned", "{\"cap\":7}"));
        }
        desired.add(desiredLike(list.get(list.size() - 3), "", "{}"));
        desired.add(desiredLike(Json.MAPPER.readTree("{\"version\":\"2\",\"registry\":\"\",\"repository\":\"team/secret\"}"), "", "{}"));
        desired.add(desiredLike(Json.MAPPER.readTree("{\"version\":\"2\",\"registry\":\"\",\"repository\":\"team/app\"}"), "v1",
                "{\"cap\":5}"));
        desired.add(desiredLike(Json.MAPPER.readTree("{\"version\":\"2\",\"registry\":\"nowhere.example\",\"repository\":\"x\"}"), "", "{}"));

        for (DesiredEntry d : desired) {
            for (boolean update : new boolean[]{false, true}) {
                assertThat(Planner.planRegister(settings, d, update).toString()).as("%s", d.entry())
                        .isEqualTo(Planner.planRegister(list, d, update).toString());
            }
            Plan byIndex = Planner.planUnregister(settings, d);
            Plan byTree = Planner.planUnregister(list, d);
            assertThat(byIndex.removeIndexes()).isEqualTo(byTree.removeIndexes());
            assertThat(byIndex.kind()).isEqualTo(byTree.kind());
            assertThat(Planner.countExactKey(settings, d)).isEqualTo(Planner.countExactKey(list, d));
        }
    }

    private static DesiredEntry desiredLike(JsonNode e, String tag, String explicit) throws Exception {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("version", e.path("version").asText(""));
        entry.put("registry", e.path("registry").asText(""));
        entry.put("repository", e.path("repository").asText("").replace("*", "x"));
        entry.put("tag", tag);
        return new DesiredEntry(entry, (ObjectNode) Json.MAPPER.readTree(explicit));
    }
}
