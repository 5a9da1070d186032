package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

/** What the planner decided; indexes point into the entry list it was given. */
public final class Plan {

    public enum Kind {
        /** An entry already covers the request: write nothing. */
        ALREADY_COVERED,
        /** Append the desired entry. */
        ADD,
        /** Replace the entry at {@link #index()} with {@link #updatedEntry()}. */
        UPDATE,
        /** Remove the entries at {@link #removeIndexes()}. */
        REMOVE,
        /** Unregister found no entry with the exact key: write nothing. */
        NOT_FOUND
    }

    private final Kind kind;
    private final int index;
    private final ObjectNode updatedEntry;
    private final int[] removeIndexes;

    private Plan(Kind kind, int index, ObjectNode updatedEntry, int[] removeIndexes) {
        this.kind = kind;
        this.index = index;
        this.updatedEntry = updatedEntry;
        this.removeIndexes = removeIndexes;
    }

    static Plan covered(int index) {
        return new Plan(Kind.ALREADY_COVERED, index, null, new int[0]);
    }

    static Plan add() {
        return new Plan(Kind.ADD, -1, null, new int[0]);
    }

    static Plan update(int index, ObjectNode updated) {
        return new Plan(Kind.UPDATE, index, updated, new int[0]);
    }

    static Plan remove(int[] indexes) {
        return new Plan(Kind.REMOVE, indexes[0], null, indexes);
    }

    /**
     * The removals of several plans made against the same list, as one: every entry any of them removes. Their
     * indexes must not overlap (each entry is removed on behalf of one request).
     */
    public static Plan removingAll(List<Plan> removals) {
        int[] all = removals.stream().flatMapToInt(p -> {
            if (p.kind != Kind.REMOVE) {
                throw new IllegalArgumentException("not a removal: " + p);
            }
            return Arrays.stream(p.removeIndexes);
        }).sorted().toArray();
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                throw new IllegalArgumentException("two removals share entry " + all[i]);
            }
        }
        return remove(all);
    }

    static Plan notFound() {
        return new Plan(Kind.NOT_FOUND, -1, null, new int[0]);
    }

    public Kind kind() {
        return kind;
    }

    /** The covering entry (ALREADY_COVERED), the entry to update (UPDATE) or the first to remove (REMOVE); else -1. */
    public int index() {
        return index;
    }

    public ObjectNode updatedEntry() {
        return updatedEntry;
    }

    public int[] removeIndexes() {
        return removeIndexes.clone();
    }

    public boolean writes() {
        return kind == Kind.ADD || kind == Kind.UPDATE || kind == Kind.REMOVE;
    }

    @Override
    public String toString() {
        return kind + (index >= 0 ? "@" + index : "") + (removeIndexes.length > 1 ? " (" + removeIndexes.length + " entries)" : "");
    }
}
