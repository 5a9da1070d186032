package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an entry read before a write is still there after it. Two entries are the same when their JSON is
 * equal apart from the fields the Console's scanner rewrites on its own while a scan runs (scan status and times):
 * those change without anyone writing the list, and must not look like a lost entry.
 */
public final class EntryIdentity {

    /** Fields the Console updates by itself; never sent by this client. */
    public static final Set<String> SCANNER_MANAGED_FIELDS = Set.of("scanStatus", "lastScanStatus", "scanTime",
            "lastScanTime", "scanError", "scannedImagesSuccessTotal");

    private final JsonNode node;
    private final int hash;

    private EntryIdentity(JsonNode node) {
        this.node = node;
        this.hash = hashOf(node);
    }

    /** Entries of {@code before} with no counterpart in {@code after}, counting duplicates (a multiset difference). */
    public static List<JsonNode> vanished(List<? extends JsonNode> before, List<? extends JsonNode> after) {
        Map<EntryIdentity, int[]> remaining = new HashMap<>(after.size() * 2);
        for (JsonNode e : after) {
            remaining.computeIfAbsent(new EntryIdentity(e), k -> new int[1])[0]++;
        }
        List<JsonNode> lost = new ArrayList<>();
        for (JsonNode e : before) {
            int[] count = remaining.get(new EntryIdentity(e));
            if (count == null || count[0] == 0) {
                lost.add(e);
            } else {
                count[0]--;
            }
        }
        return lost;
    }

    /**
     * How many entries of {@code before}, other than those at {@code skip}, have no counterpart in {@code after}: the
     * same multiset difference as {@link #vanished}, without building a tree for every entry. Entries whose bytes are
     * identical are the same JSON, so they are paired off first (in place, then by a hash of their bytes); pairing
     * equal entries never changes a multiset difference. Only what is left (entries changed by the scanner, or by a
     * Console that writes the same JSON differently) is compared as trees, with the rule above.
     */
    public static int vanishedCount(RegistrySettings before, int[] skip, RegistrySettings after) {
        int[] sortedSkip = skip.clone();
        Arrays.sort(sortedSkip);
        int[] kept = new int[before.size()];
        int k = 0;
        for (int i = 0; i < before.size(); i++) {
            if (Arrays.binarySearch(sortedSkip, i) < 0) {
                kept[k++] = i;
            }
        }
        int n = after.size();
        if (!before.indexed() || !after.indexed()) {
            List<JsonNode> b = new ArrayList<>(k);
            for (int x = 0; x < k; x++) {
                b.add(before.entry(kept[x]));
            }
            return vanished(b, after.entries()).size();
        }
        int head = 0;
        while (head < k && head < n && before.sameBytes(kept[head], after, head)) {
            head++;
        }
        int tailB = k;
        int tailA = n;
        while (tailB > head && tailA > head && before.sameBytes(kept[tailB - 1], after, tailA - 1)) {
            tailB--;
            tailA--;
        }
        if (head == tailB) {
            return 0;
        }
        // The middle: pair identical bytes wherever they sit (a reordered or partly rewritten list).
        Map<Integer, List<Integer>> afterByHash = new HashMap<>();
        for (int j = head; j < tailA; j++) {
            afterByHash.computeIfAbsent(after.bytesHash(j), h -> new ArrayList<>(1)).add(j);
        }
        List<JsonNode> leftBefore = new ArrayList<>();
        for (int x = head; x < tailB; x++) {
            int i = kept[x];
            List<Integer> candidates = afterByHash.get(before.bytesHash(i));
            boolean paired = false;
            if (candidates != null) {
                for (int c = 0; c < candidates.size(); c++) {
                    if (before.sameBytes(i, after, candidates.get(c))) {
                        candidates.remove(c);
                        paired = true;
                        break;
                    }
                }
            }
            if (!paired) {
                leftBefore.add(before.entry(i));
            }
        }
        if (leftBefore.isEmpty()) {
            return 0;
        }
        List<JsonNode> leftAfter = new ArrayList<>();
        afterByHash.values().forEach(js -> js.forEach(j -> leftAfter.add(after.entry(j))));
        return vanished(leftBefore, leftAfter).size();
    }

    /** True when {@code a} and {@code b} are the same entry in the sense above. */
    public static boolean same(JsonNode a, JsonNode b) {
        return new EntryIdentity(a).equals(new EntryIdentity(b));
    }

    private static int hashOf(JsonNode n) {
        if (!n.isObject()) {
            return n.hashCode();
        }
        int h = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!SCANNER_MANAGED_FIELDS.contains(f.getKey())) {
                h += f.getKey().hashCode() ^ f.getValue().hashCode();
            }
        }
        return h;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryIdentity other) || other.hash != hash) {
            return false;
        }
        JsonNode a = node;
        JsonNode b = other.node;
        if (!a.isObject() || !b.isObject()) {
            return a.equals(b);
        }
        return sameFields(a, b) && sameFields(b, a);
    }

    private static boolean sameFields(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!SCANNER_MANAGED_FIELDS.contains(f.getKey()) && !f.getValue().equals(b.get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
