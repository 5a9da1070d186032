package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Entries counted by their whole JSON value (every field, unknown ones included), so an entry that came back
 * altered counts as lost just like one that vanished, and two identical entries count twice.
 */
final class Multiset {

    private final Map<JsonNode, Integer> counts = new HashMap<>();

    static Multiset of(Collection<? extends JsonNode> entries) {
        Multiset m = new Multiset();
        entries.forEach(m::add);
        return m;
    }

    void add(JsonNode entry) {
        counts.merge(entry, 1, Integer::sum);
    }

    /** Removes one occurrence; false when there was none. */
    boolean remove(JsonNode entry) {
        Integer n = counts.get(entry);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            counts.remove(entry);
        } else {
            counts.put(entry, n - 1);
        }
        return true;
    }

    int count(JsonNode entry) {
        return counts.getOrDefault(entry, 0);
    }

    int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Occurrences in this set that {@code actual} lacks. */
    int missingFrom(Multiset actual) {
        int missing = 0;
        for (Map.Entry<JsonNode, Integer> e : counts.entrySet()) {
            missing += Math.max(0, e.getValue() - actual.count(e.getKey()));
        }
        return missing;
    }
}
