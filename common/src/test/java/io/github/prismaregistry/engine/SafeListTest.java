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
}
