package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decides what to write, and nothing else: no I/O, no clock. Entries are read in place; no entry is copied unless it
 * is the one being updated.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * Register: covered → nothing; with {@code updateExisting}, an entry with the exact key whose explicitly requested
     * managed fields differ → update just those fields; otherwise add.
     */
    public static Plan planRegister(List<? extends JsonNode> entries, DesiredEntry desired, boolean updateExisting) {
        int exact = -1;
        int exactAndEqual = -1;
        int covering = -1;
        for (int i = 0, n = entries.size(); i < n; i++) {
            JsonNode e = entries.get(i);
            if (!sameRegistry(e, desired)) {
                continue;
            }
            if (isExactKeyOnSameRegistry(e, desired)) {
                if (exact < 0) {
                    exact = i;
                }
                if (exactAndEqual < 0 && managedFieldsEqual(e, desired.explicitManagedFields())) {
                    exactAndEqual = i;
                }
            }
            if (covering < 0 && coversOnSameRegistry(e, desired)) {
                covering = i;
            }
        }
        if (updateExisting) {
            if (exactAndEqual >= 0) {
                return Plan.covered(exactAndEqual);
            }
            if (exact >= 0) {
                return Plan.update(exact, updated((ObjectNode) entries.get(exact), desired.explicitManagedFields()));
            }
        } else if (exact >= 0) {
            return Plan.covered(exact);
        }
        return covering >= 0 ? Plan.covered(covering) : Plan.add();
    }

    /** Unregister: every entry with exactly the key register would add (duplicates too); never a covering pattern. */
    public static Plan planUnregister(List<? extends JsonNode> entries, DesiredEntry desired) {
        int[] found = new int[4];
        int count = 0;
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (isExactKey(entries.get(i), desired)) {
                if (count == found.length) {
                    found = java.util.Arrays.copyOf(found, count * 2);
                }
                found[count++] = i;
            }
        }
        return count == 0 ? Plan.notFound() : Plan.remove(java.util.Arrays.copyOf(found, count));
    }

    /** Same type, registry, repository and tag as the desired entry (after normalisation). */
    public static boolean isExactKey(JsonNode e, DesiredEntry d) {
        return sameRegistry(e, d) && isExactKeyOnSameRegistry(e, d);
    }

    /** Would {@code e} make the Console scan what {@code d} asks for (rule: type, registry, repository, tag)? */
    public static boolean covers(JsonNode e, DesiredEntry d) {
        return sameRegistry(e, d) && coversOnSameRegistry(e, d);
    }

    /** How many entries have the exact key: 1 is normal, more means someone wrote the same entry. */
    public static int countExactKey(List<? extends JsonNode> entries, DesiredEntry d) {
        int n = 0;
        for (JsonNode e : entries) {
            if (isExactKey(e, d)) {
                n++;
            }
        }
        return n;
    }

    /** Are the explicitly requested managed fields of {@code e} as asked (collections compared as sets)? */
    public static boolean managedFieldsEqual(JsonNode e, ObjectNode explicit) {
        for (Iterator<Map.Entry<String, JsonNode>> it = explicit.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!valueEqual(e.get(f.getKey()), f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRegistry(JsonNode e, DesiredEntry d) {
        // Registry first: it rules out most entries with a single field lookup.
        return e.isObject() && Names.registryMatches(text(e, "registry"), d.registry())
                && Names.typeMatches(text(e, "version"), d.type());
    }

    private static boolean isExactKeyOnSameRegistry(JsonNode e, DesiredEntry d) {
        return Names.repositoryEquals(text(e, "repository"), d.repository(), d.dockerHub())
                && Names.tagEquals(text(e, "tag"), d.tag());
    }

    private static boolean coversOnSameRegistry(JsonNode e, DesiredEntry d) {
        if (!Names.repositoryCovers(text(e, "repository"), d.repository(), d.dockerHub())
                || !Names.tagCovers(text(e, "tag"), d.tag())) {
            return false;
        }
        // A pattern entry that excludes our repository (or our pinned tag) does not scan it.
        if (anyPatternMatches(e.get("excludedRepositories"), d.repository(), true)) {
            return false;
        }
        return d.tag().isEmpty() || !anyPatternMatches(e.get("excludedTags"), d.tag(), false);
    }

    private static boolean anyPatternMatches(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns == null || !patterns.isArray()) {
            return false;
        }
        for (JsonNode p : patterns) {
            if (p.isTextual() && !p.textValue().isEmpty() && Glob.matches(p.textValue().trim(), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.asText();
    }

    private static ObjectNode updated(ObjectNode existing, ObjectNode explicit) {
        ObjectNode copy = existing.deepCopy();
        // set() keeps an existing key where it is, so the entry's field order survives.
        explicit.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue().deepCopy()));
        return copy;
    }

    private static boolean valueEqual(JsonNode actual, JsonNode wanted) {
        if (actual == null || actual.isNull()) {
            return wanted == null || wanted.isNull();
        }
        if (actual.isNumber() && wanted.isNumber()) {
            return new BigDecimal(actual.asText()).compareTo(new BigDecimal(wanted.asText())) == 0;
        }
        if (actual.isArray() && wanted.isArray()) {
            List<JsonNode> a = new ArrayList<>();
            actual.forEach(a::add);
            List<JsonNode> w = new ArrayList<>();
            wanted.forEach(w::add);
            return a.size() == w.size() && a.containsAll(w) && w.containsAll(a);
        }
        return actual.equals(wanted);
    }
}
