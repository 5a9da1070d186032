package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.api.UnsafeWriteException;
import io.github.prismaregistry.merge.Plan;

import java.util.Arrays;

/** Builds the list a PUT sends, and refuses any list that would lose an entry the plan does not remove. */
final class SafeList {

    private SafeList() {
    }

    /**
     * The list a PUT sends, by position: element {@code k} is entry {@code sources[k]} of the GET, or {@code added[k]}
     * (the updated or new entry) where {@code sources[k] < 0}.
     */
    record Positions(int[] sources, JsonNode[] added) {
        int size() {
            return sources.length;
        }
    }

    /**
     * The entries of the GET with the plan applied, by position, so untouched entries never need a tree: every other
     * entry keeps its place and is sent as the bytes the GET returned.
     */
    static Positions apply(int readSize, Plan plan, JsonNode newEntry) throws UnsafeWriteException {
        int[] removed = plan.removeIndexes();
        Arrays.sort(removed);
        int[] sources = new int[readSize + 1];
        JsonNode[] added = new JsonNode[readSize + 1];
        int k = 0;
        for (int i = 0; i < readSize; i++) {
            if (plan.kind() == Plan.Kind.REMOVE && Arrays.binarySearch(removed, i) >= 0) {
                continue;
            }
            if (plan.kind() == Plan.Kind.UPDATE && i == plan.index()) {
                sources[k] = -1;
                added[k] = plan.updatedEntry();
            } else {
                sources[k] = i;
            }
            k++;
        }
        if (plan.kind() == Plan.Kind.ADD) {
            sources[k] = -1;
            added[k] = newEntry;
            k++;
        }
        Positions next = new Positions(Arrays.copyOf(sources, k), Arrays.copyOf(added, k));
        check(readSize, next, plan);
        return next;
    }

    /**
     * Rule: a PUT holds every entry of the GET it was built from, except those explicitly removed (an update replaces
     * exactly one). Checked independently of how the list was built.
     */
    static void check(int readSize, Positions next, Plan plan) throws UnsafeWriteException {
        int allowedMissing = allowedMissing(plan);
        int[] sent = new int[readSize];
        for (int source : next.sources()) {
            if (source >= readSize) {
                throw refused(readSize, readSize, allowedMissing);
            }
            if (source >= 0) {
                sent[source]++;
            }
        }
        int missing = 0;
        for (int count : sent) {
            if (count == 0) {
                missing++;
            }
        }
        if (missing > allowedMissing || next.size() < expectedSize(readSize, plan, allowedMissing)) {
            throw refused(missing, readSize, allowedMissing);
        }
    }

    /** Indexes of the GET's entries the plan removes or replaces (the rest must survive the write). */
    static int[] touched(Plan plan) {
        return switch (plan.kind()) {
            case REMOVE -> plan.removeIndexes();
            case UPDATE -> new int[]{plan.index()};
            default -> new int[0];
        };
    }

    private static int allowedMissing(Plan plan) {
        return plan.kind() == Plan.Kind.REMOVE ? plan.removeIndexes().length
                : plan.kind() == Plan.Kind.UPDATE ? 1 : 0;
    }

    private static int expectedSize(int readSize, Plan plan, int allowedMissing) {
        return readSize - (plan.kind() == Plan.Kind.REMOVE ? allowedMissing : 0) + (plan.kind() == Plan.Kind.ADD ? 1 : 0);
    }

    private static UnsafeWriteException refused(int missing, int readSize, int allowedMissing) {
        return new UnsafeWriteException("Refused to replace the registry list: the new list would drop " + missing
                + " entr" + (missing == 1 ? "y" : "ies") + " of the " + readSize + " just read, but only "
                + allowedMissing + " may change. Nothing was written. This is a bug in this client; please report it.");
    }
}
