package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.UnsafeWriteException;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.settings.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeListTest {

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    private static List<JsonNode> list(int n) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(json("{\"version\":\"2\",\"registry\":\"r.example\",\"repository\":\"repo-" + i + "\"}"));
        }
        return l;
    }

    private static DesiredEntry desired(String repository) throws Exception {
        return new DesiredEntry(json("{\"version\":\"2\",\"registry\":\"r.example\",\"repository\":\"" + repository + "\",\"tag\":\"\"}"),
                json("{\"cap\":1}"));
    }

    @Test
    void removalKeepsEveryOtherEntryInOrder() throws Exception {
        List<JsonNode> read = list(5);
        Plan plan = Planner.planUnregister(read, desired("repo-2"));

        List<JsonNode> next = SafeList.apply(read, plan, null);

        assertThat(next).containsExactly(read.get(0), read.get(1), read.get(3), read.get(4));
    }

    @Test
    void updateReplacesExactlyOneEntry() throws Exception {
        List<JsonNode> read = list(3);
        Plan plan = Planner.planRegister(read, desired("repo-1"), true);

        List<JsonNode> next = SafeList.apply(read, plan, null);

        assertThat(next).hasSize(3);
        assertThat(next.get(1).get("cap").intValue()).isEqualTo(1);
        assertThat(next.get(0)).isSameAs(read.get(0));
        assertThat(next.get(2)).isSameAs(read.get(2));
    }

    @Test
    void refusesAListThatDropsAnEntryNotPlannedForRemoval() throws Exception {
        List<JsonNode> read = list(4);
        Plan add = Planner.planRegister(read, desired("new"), false);
        List<JsonNode> shrunk = new ArrayList<>(read.subList(0, 3));
        shrunk.add(json("{\"repository\":\"new\"}"));

        assertThatThrownBy(() -> SafeList.check(read, shrunk, add))
                .isInstanceOf(UnsafeWriteException.class)
                .hasMessageContaining("drop 1 entry");
    }

    @Test
    void refusesAnEmptyListUnlessEverythingWasPlannedForRemoval() throws Exception {
        List<JsonNode> read = list(2);
        Plan removeOne = Planner.planUnregister(read, desired("repo-0"));

        assertThatThrownBy(() -> SafeList.check(read, List.of(), removeOne)).isInstanceOf(UnsafeWriteException.class);
    }

    @Test
    void positionalListMatchesTheNodeListForEveryPlanKind() throws Exception {
        List<JsonNode> read = list(5);
        read.add(read.get(2));
        ObjectNode added = json("{\"repository\":\"new\"}");
        for (Plan plan : List.of(Planner.planUnregister(read, desired("repo-2")), Planner.planRegister(read, desired("repo-1"), true),
                Planner.planRegister(read, desired("new"), false))) {
            List<JsonNode> byNodes = SafeList.apply(read, plan, added);
            SafeList.Positions byPosition = SafeList.apply(read.size(), plan, added);

            List<JsonNode> resolved = new ArrayList<>();
            for (int k = 0; k < byPosition.size(); k++) {
                int source = byPosition.sources()[k];
                resolved.add(source >= 0 ? read.get(source) : byPosition.added()[k]);
            }
            assertThat(resolved).as(plan.toString()).isEqualTo(byNodes);
        }
    }

    @Test
    void refusesAPositionalListThatDropsAnEntry() throws Exception {
        List<JsonNode> read = list(4);
        Plan add = Planner.planRegister(read, desired("new"), false);
        SafeList.Positions dropsOne = new SafeList.Positions(new int[]{0, 1, 1, 3, -1}, new JsonNode[5]);
        SafeList.Positions outOfRange = new SafeList.Positions(new int[]{0, 1, 2, 3, 4}, new JsonNode[5]);

        assertThatThrownBy(() -> SafeList.check(4, dropsOne, add)).isInstanceOf(UnsafeWriteException.class)
                .hasMessageContaining("drop 1 entry");
        assertThatThrownBy(() -> SafeList.check(4, outOfRange, add)).isInstanceOf(UnsafeWriteException.class);
        Plan removeOne = Planner.planUnregister(read, desired("repo-0"));
        assertThatThrownBy(() -> SafeList.check(4, new SafeList.Positions(new int[0], new JsonNode[0]), removeOne))
                .isInstanceOf(UnsafeWriteException.class);
    }
}
