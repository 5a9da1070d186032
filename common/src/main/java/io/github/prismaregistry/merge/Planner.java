package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.RegistrySettings;

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
        return planRegister(new NodeList(entries), desired, updateExisting);
    }

    /** {@link #planRegister(List, DesiredEntry, boolean)} on a GET as read, building trees only for candidate entries. */
    public static Plan planRegister(RegistrySettings settings, DesiredEntry desired, boolean updateExisting) {
        return planRegister(new Indexed(settings), desired, updateExisting);
    }

    private static Plan planRegister(Entries entries, DesiredEntry desired, boolean updateExisting) {
        int exact = -1;
        int exactAndEqual = -1;
        int covering = -1;
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (!sameRegistry(entries, i, desired)) {
                continue;
            }
            if (isExactKeyOnSameRegistry(entries, i, desired)) {
                if (exact < 0) {
                    exact = i;
                }
                if (exactAndEqual < 0 && managedFieldsEqual(entries.node(i), desired.explicitManagedFields())) {
                    exactAndEqual = i;
                }
            }
            if (covering < 0 && coversOnSameRegistry(entries, i, desired)) {
                covering = i;
            }
        }
        if (updateExisting) {
            if (exactAndEqual >= 0) {
                return Plan.covered(exactAndEqual);
            }
            if (exact >= 0) {
                return Plan.update(exact, updated((ObjectNode) entries.node(exact), desired.explicitManagedFields()));
            }
        } else if (exact >= 0) {
            return Plan.covered(exact);
        }
        return covering >= 0 ? Plan.covered(covering) : Plan.add();
    }

    /** Unregister: every entry with exactly the key register would add (duplicates too); never a covering pattern. */
    public static Plan planUnregister(List<? extends JsonNode> entries, DesiredEntry desired) {
        return planUnregister(new NodeList(entries), desired);
    }

    /** {@link #planUnregister(List, DesiredEntry)} on a GET as read, building no tree. */
    public static Plan planUnregister(RegistrySettings settings, DesiredEntry desired) {
        return planUnregister(new Indexed(settings), desired);
    }

    private static Plan planUnregister(Entries entries, DesiredEntry desired) {
        int[] found = new int[4];
        int count = 0;
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (isExactKey(entries, i, desired)) {
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
        return isExactKey(new NodeList(List.of(e)), 0, d);
    }

    /** {@link #isExactKey(JsonNode, DesiredEntry)} for entry {@code i} of a GET as read. */
    public static boolean isExactKey(RegistrySettings settings, int i, DesiredEntry d) {
        return isExactKey(new Indexed(settings), i, d);
    }

    private static boolean isExactKey(Entries entries, int i, DesiredEntry d) {
        return sameRegistry(entries, i, d) && isExactKeyOnSameRegistry(entries, i, d);
    }

    /** Would {@code e} make the Console scan what {@code d} asks for (rule: type, registry, repository, tag)? */
    public static boolean covers(JsonNode e, DesiredEntry d) {
        Entries one = new NodeList(List.of(e));
        return sameRegistry(one, 0, d) && coversOnSameRegistry(one, 0, d);
    }

    /** How many entries have the exact key: 1 is normal, more means someone wrote the same entry. */
    public static int countExactKey(List<? extends JsonNode> entries, DesiredEntry d) {
        return countExactKey(new NodeList(entries), d);
    }

    /** {@link #countExactKey(List, DesiredEntry)} on a GET as read, building no tree. */
    public static int countExactKey(RegistrySettings settings, DesiredEntry d) {
        return countExactKey(new Indexed(settings), d);
    }

    private static int countExactKey(Entries entries, DesiredEntry d) {
        int n = 0;
        for (int i = 0, size = entries.size(); i < size; i++) {
            if (isExactKey(entries, i, d)) {
                n++;
            }
        }
        return n;
    }

    /** Are the explicitly requested managed fields of {@code e} as asked (collections compared as sets)? */
    public static boolean managedFieldsEqual(JsonNode e, ObjectNode explicit) {
        return differingManagedFields(e, explicit).isEmpty();
    }

    /** The explicitly requested managed fields whose value in {@code e} is not as asked, in the order they were asked. */
    public static List<String> differingManagedFields(JsonNode e, ObjectNode explicit) {
        List<String> differing = new ArrayList<>(0);
        for (Iterator<Map.Entry<String, JsonNode>> it = explicit.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!valueEqual(e.get(f.getKey()), f.getValue())) {
                differing.add(f.getKey());
            }
        }
        return differing;
    }

    private static boolean sameRegistry(Entries entries, int i, DesiredEntry d) {
        // Registry first: it rules out most entries with a single field lookup.
        return entries.isObject(i) && Names.registryMatches(entries.text(i, "registry"), d.registry())
                && Names.typeMatches(entries.text(i, "version"), d.type());
    }

    private static boolean isExactKeyOnSameRegistry(Entries entries, int i, DesiredEntry d) {
        return Names.repositoryEquals(entries.text(i, "repository"), d.repository(), d.dockerHub())
                && Names.tagEquals(entries.text(i, "tag"), d.tag());
    }

    private static boolean coversOnSameRegistry(Entries entries, int i, DesiredEntry d) {
        if (!Names.repositoryCovers(entries.text(i, "repository"), d.repository(), d.dockerHub())
                || !Names.tagCovers(entries.text(i, "tag"), d.tag())) {
            return false;
        }
        // A pattern entry that excludes our repository (or our pinned tag) does not scan it.
        JsonNode e = entries.node(i);
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

    /** The entries the planner reads: trees, or a GET as read (key fields without a tree). */
    private interface Entries {
        int size();

        JsonNode node(int i);

        boolean isObject(int i);

        String text(int i, String field);
    }

    private record NodeList(List<? extends JsonNode> list) implements Entries {
        public int size() {
            return list.size();
        }

        public JsonNode node(int i) {
            return list.get(i);
        }

        public boolean isObject(int i) {
            return list.get(i).isObject();
        }

        public String text(int i, String field) {
            return Planner.text(list.get(i), field);
        }
    }

    private record Indexed(RegistrySettings settings) implements Entries {
        public int size() {
            return settings.size();
        }

        public JsonNode node(int i) {
            return settings.entry(i);
        }

        public boolean isObject(int i) {
            return settings.isObject(i);
        }

        public String text(int i, String field) {
            return settings.text(i, field);
        }
    }
}
