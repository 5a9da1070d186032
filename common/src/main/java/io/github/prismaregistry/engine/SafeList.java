package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.api.UnsafeWriteException;
import io.github.prismaregistry.merge.Plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Builds the list a PUT sends, and refuses any list that would lose an entry the plan does not remove. */
final class SafeList {

    private SafeList() {
    }

    /** The entries of the GET with the plan applied: every other entry is the very node the GET returned. */
    static List<JsonNode> apply(List<JsonNode> read, Plan plan, JsonNode newEntry) throws UnsafeWriteException {
        List<JsonNode> next = new ArrayList<>(read.size() + 1);
        int[] removed = plan.removeIndexes();
        Arrays.sort(removed);
        for (int i = 0; i < read.size(); i++) {
            if (plan.kind() == Plan.Kind.REMOVE && Arrays.binarySearch(removed, i) >= 0) {
                continue;
            }
            next.add(plan.kind() == Plan.Kind.UPDATE && i == plan.index() ? plan.updatedEntry() : read.get(i));
        }
        if (plan.kind() == Plan.Kind.ADD) {
            next.add(newEntry);
        }
        check(read, next, plan);
        return next;
    }

    /** The entries of {@code read} the plan leaves alone. */
    static List<JsonNode> untouched(List<JsonNode> read, Plan plan) {
        if (plan.kind() != Plan.Kind.REMOVE && plan.kind() != Plan.Kind.UPDATE) {
            return read;
        }
        int[] skip = plan.kind() == Plan.Kind.REMOVE ? plan.removeIndexes() : new int[]{plan.index()};
        Arrays.sort(skip);
        List<JsonNode> out = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            if (Arrays.binarySearch(skip, i) < 0) {
                out.add(read.get(i));
            }
        }
        return out;
    }

    /**
     * Rule: a PUT holds every entry of the GET it was built from, except those explicitly removed (an update replaces
     * exactly one). Checked independently of how the list was built, by node identity.
     */
    static void check(List<JsonNode> read, List<JsonNode> next, Plan plan) throws UnsafeWriteException {
        int allowedMissing = plan.kind() == Plan.Kind.REMOVE ? plan.removeIndexes().length
                : plan.kind() == Plan.Kind.UPDATE ? 1 : 0;
        Map<JsonNode, int[]> sent = new IdentityHashMap<>(next.size() * 2);
        for (JsonNode n : next) {
            sent.computeIfAbsent(n, k -> new int[1])[0]++;
        }
        int missing = 0;
        for (JsonNode n : read) {
            int[] c = sent.get(n);
            if (c == null || c[0] == 0) {
                missing++;
            } else {
                c[0]--;
            }
        }
        int expectedSize = read.size() - (plan.kind() == Plan.Kind.REMOVE ? allowedMissing : 0)
                + (plan.kind() == Plan.Kind.ADD ? 1 : 0);
        if (missing > allowedMissing || next.size() < expectedSize) {
            throw new UnsafeWriteException("Refused to replace the registry list: the new list would drop " + missing
                    + " entr" + (missing == 1 ? "y" : "ies") + " of the " + read.size() + " just read, but only "
                    + allowedMissing + " may change. Nothing was written. This is a bug in this client; please report it.");
        }
    }
}
