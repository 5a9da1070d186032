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

    /** The entries a positional list stands for, resolved against the GET it was built from. */
    private static List<JsonNode> resolve(List<JsonNode> read, SafeList.Positions positions) {
        List<JsonNode> resolved = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            int source = positions.sources()[k];
            resolved.add(source >= 0 ? read.get(source) : positions.added()[k]);
        }
        return resolved;
    }

    @Test
    void removalKeepsEveryOtherEntryInOrder() throws Exception {
        List<JsonNode> read = list(5);
        Plan plan = Planner.planUnregister(read, desired("repo-2"));

        List<JsonNode> next = resolve(read, SafeList.apply(read.size(), plan, null));

        assertThat(next).containsExactly(read.get(0), read.get(1), read.get(3), read.get(4));
    }

    @Test
    void updateReplacesExactlyOneEntry() throws Exception {
        List<JsonNode> read = list(3);
        Plan plan = Planner.planRegister(read, desired("repo-1"), true);

        List<JsonNode> next = resolve(read, SafeList.apply(read.size(), plan, null));

        assertThat(next).hasSize(3);
        assertThat(next.get(1).get("cap").intValue()).isEqualTo(1);
        assertThat(next.get(0)).isSameAs(read.get(0));
        assertThat(next.get(2)).isSameAs(read.get(2));
    }

    @Test
    void addAppendsTheNewEntryAfterEveryEntryRead() throws Exception {
        List<JsonNode> read = list(5);
        read.add(read.get(2));
        ObjectNode added = json("{\"repository\":\"new\"}");
        Plan plan = Planner.planRegister(read, desired("new"), false);

        List<JsonNode> next = resolve(read, SafeList.apply(read.size(), plan, added));

        List<JsonNode> expected = new ArrayList<>(read);
        expected.add(added);
        assertThat(next).containsExactlyElementsOf(expected);
    }

    @Test
    void refusesAListThatDropsAnEntryNotPlannedForRemoval() throws Exception {
        List<JsonNode> read = list(4);
        Plan add = Planner.planRegister(read, desired("new"), false);
        SafeList.Positions dropsOne = new SafeList.Positions(new int[]{0, 1, 1, 3, -1}, new JsonNode[5]);
        SafeList.Positions outOfRange = new SafeList.Positions(new int[]{0, 1, 2, 3, 4}, new JsonNode[5]);

        assertThatThrownBy(() -> SafeList.check(4, dropsOne, add)).isInstanceOf(UnsafeWriteException.class)
                .hasMessageContaining("drop 1 entry");
        assertThatThrownBy(() -> SafeList.check(4, outOfRange, add)).isInstanceOf(UnsafeWriteException.class);
    }

    @Test
    void refusesAnEmptyListUnlessEverythingWasPlannedForRemoval() throws Exception {
        List<JsonNode> read = list(2);
        Plan removeOne = Planner.planUnregister(read, desired("repo-0"));

        assertThatThrownBy(() -> SafeList.check(2, new SafeList.Positions(new int[0], new JsonNode[0]), removeOne))
                .isInstanceOf(UnsafeWriteException.class);
    }
}
