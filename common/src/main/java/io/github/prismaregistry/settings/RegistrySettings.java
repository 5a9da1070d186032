package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The registry settings exactly as one GET returned them. Entries are the Console's own JSON, never a closed class,
 * so fields this client does not know (and zero values such as {@code cap: 0}) survive any write; top-level fields
 * ({@code webhookUrlSuffix}, {@code harborScannerUrlSuffix}, anything newer) are kept too.
 *
 * <p>A list can hold 19,999 entries (about 9 MB), so the body is not turned into a tree. One strict pass
 * ({@link SettingsScanner}) records where each entry's bytes are and the four key fields the planner filters on; an entry becomes a tree only when
 * someone asks for it, and a PUT body copies the untouched entries' bytes as they came. Bodies the pass does not
 * handle (no list, an entry that is not an object, repeated top-level names, not UTF-8) are parsed as a whole tree
 * instead, with the same results.
 */
public final class RegistrySettings {

    /** Top-level entry fields the planner filters on, kept from the index pass. */
    private static final String[] KEY_FIELDS = {"version", "registry", "repository", "tag"};
    /** Marks a key field whose value is not a string or null: its text is taken from the entry's tree. */
    private static final String NOT_PLAIN = new String("<not a plain string>");
    private static final int COPY_CHUNK = 64 * 1024;

    private final byte[] rawBody;
    private final int size;
    // Index mode (tree == null): entry i is rawBody[starts[i], ends[i]); the list value spans [listStart, listEnd).
    private final int[] starts;
    private final int[] ends;
    private final String[] keys;
    private final int listStart;
    private final int listEnd;
    private final Set<String> namesBeforeList;
    // Tree mode: the whole body as a tree.
    private final ObjectNode tree;
    // Entries as trees: all of them in tree mode, built on first use in index mode.
    private final JsonNode[] nodes;
    private final List<JsonNode> entryView;

    private RegistrySettings(byte[] rawBody, int size, int[] starts, int[] ends, String[] keys, int listStart, int listEnd,
            Set<String> namesBeforeList, ObjectNode tree, JsonNode[] nodes) {
        this.rawBody = rawBody;
        this.size = size;
        this.starts = starts;
        this.ends = ends;
        this.keys = keys;
        this.listStart = listStart;
        this.listEnd = listEnd;
        this.namesBeforeList = namesBeforeList;
        this.tree = tree;
        this.nodes = nodes;
        this.entryView = Collections.unmodifiableList(new EntryList());
    }

    /**
     * Parses a GET body. A missing or {@code null} {@code specifications} means an empty list (a Console with no
     * entry may send either).
     *
     * @throws MalformedSettingsException when the body is not a JSON object with an array of entries (cut off, HTML ...)
     */
    public static RegistrySettings parse(byte[] body) throws MalformedSettingsException {
        return parseOwned(body.clone());
    }

    /**
     * Like {@link #parse(byte[])}, but keeps {@code body} itself instead of a copy: the caller hands the array over
     * and must not change it afterwards (saves copying a body of several MB on every read).
     */
    public static RegistrySettings parseOwned(byte[] body) throws MalformedSettingsException {
        RegistrySettings indexed = index(body);
        return indexed != null ? indexed : parseTree(body);
    }

    /**
     * Like {@link #parseOwned(byte[])} for a body read shortly after {@code previous} (the read that verifies a
     * write): the leading entries whose bytes are unchanged are taken over from {@code previous}'s index, and only
     * the rest of the body is parsed. The result is the same as {@code parseOwned(body)}.
     */
    public static RegistrySettings parseOwned(byte[] body, RegistrySettings previous) throws MalformedSettingsException {
        RegistrySettings resumed = previous == null ? null : resume(body, previous);
        return resumed != null ? resumed : parseOwned(body);
    }

    /** Bytes of a body still being received: who reads them first waits for them. */
    @FunctionalInterface
    public interface Arrival {
        /**
         * Returns once the bytes before {@code end} are in the array (and visible to the caller), or once no more will
         * come (the body is complete, or its transfer failed).
         */
        void await(int end) throws InterruptedException;

        /**
         * Are the bytes before {@code end} there already (or will no more come)? Only a hint for how much to wait for
         * next, and whoever reads still calls {@link #await} first; by default they are taken to be there, so the
         * reader waits for no more than it needs.
         */
        default boolean arrived(int end) {
            return true;
        }
    }

    /**
     * Indexes a body while it is still being received into {@code body} (the array of its final length), so that
     * reading the list and receiving it overlap. Returns null when that is not possible (an entry larger than the
     * look-ahead window, or a body the fast pass does not take); then parse the completed body as usual. The result
     * is valid only once the transfer has completed without error and {@code body} is the array it was received in.
     */
    public static RegistrySettings indexWhileArriving(byte[] body, Arrival arrival) throws InterruptedException {
        SettingsScanner.Index index = SettingsScanner.scan(body, Set.of(), KEY_FIELDS, NOT_PLAIN, arrival);
        return index == null ? null : indexed(body, index);
    }

    // A resumed parse sees the rest of the body as if it followed one (empty) entry of the list: the same parser state
    // as after the last unchanged entry, whose bytes, being identical, tokenise exactly as they did before.
    private static final byte[] RESUME_PREFIX = "{\"specifications\":[{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static RegistrySettings resume(byte[] body, RegistrySettings previous) {
        if (previous.tree != null || previous.size == 0) {
            return null;
        }
        int differ = Arrays.mismatch(body, previous.rawBody);
        if (differ < 0) {
            differ = body.length;
        }
        // Unchanged entries: those ending before the first differing byte.
        int kept = 0;
        while (kept < previous.size && previous.ends[kept] <= differ) {
            kept++;
        }
        if (kept == 0) {
            return null;
        }
        int cut = previous.ends[kept - 1];
        byte[] rest = new byte[RESUME_PREFIX.length + body.length - cut];
        System.arraycopy(RESUME_PREFIX, 0, rest, 0, RESUME_PREFIX.length);
        System.arraycopy(body, cut, rest, RESUME_PREFIX.length, body.length - cut);
        RegistrySettings tail = index(rest, previous.namesBeforeList);
        if (tail == null) {
            return null;
        }
        int shift = cut - RESUME_PREFIX.length;
        int added = tail.size - 1;
        int n = kept + added;
        int[] starts = Arrays.copyOf(previous.starts, n);
        int[] ends = Arrays.copyOf(previous.ends, n);
        String[] keys = Arrays.copyOf(previous.keys, n * KEY_FIELDS.length);
        for (int t = 1; t < tail.size; t++) {
            starts[kept + t - 1] = tail.starts[t] + shift;
            ends[kept + t - 1] = tail.ends[t] + shift;
        }
        System.arraycopy(tail.keys, KEY_FIELDS.length, keys, kept * KEY_FIELDS.length, added * KEY_FIELDS.length);
        return new RegistrySettings(body, n, starts, ends, keys, previous.listStart, tail.listEnd + shift,
                previous.namesBeforeList, null, new JsonNode[n]);
    }

    /** One index pass; null when the body needs the whole-tree parse (which also produces the error messages). */
    private static RegistrySettings index(byte[] body) {
        return index(body, Set.of());
    }

    /** @param namesBefore top-level names already seen before this body's first name (a resumed parse) */
    private static RegistrySettings index(byte[] body, Set<String> namesBefore) {
        SettingsScanner.Index index = SettingsScanner.scan(body, namesBefore, KEY_FIELDS, NOT_PLAIN);
        return index == null ? null : indexed(body, index);
    }

    private static RegistrySettings indexed(byte[] body, SettingsScanner.Index index) {
        int n = index.starts().length;
        return new RegistrySettings(body, n, index.starts(), index.ends(), index.keys(), index.listStart(), index.listEnd(),
                index.namesBeforeList(), null, new JsonNode[n]);
    }

    private static int keySlot(String name) {
        for (int i = 0; i < KEY_FIELDS.length; i++) {
            if (KEY_FIELDS[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static RegistrySettings parseTree(byte[] body) throws MalformedSettingsException {
        JsonNode tree;
        try {
            tree = Json.parse(body);
        } catch (IOException | NumberFormatException e) {
            // A number the exact decimal type cannot hold surfaces as NumberFormatException, not as a parse error.
            throw new MalformedSettingsException("the body is not complete JSON (" + shortReason(e) + ")", e);
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new MalformedSettingsException("expected a JSON object with \"specifications\", got "
                    + (tree == null || tree.isMissingNode() ? "an empty body" : "a JSON " + tree.getNodeType().name().toLowerCase()), null);
        }
        ObjectNode root = (ObjectNode) tree;
        JsonNode specs = root.get("specifications");
        List<JsonNode> entries;
        if (specs == null || specs.isNull()) {
            entries = new ArrayList<>(0);
        } else if (specs.isArray()) {
            entries = new ArrayList<>(specs.size());
            specs.forEach(entries::add);
        } else {
            throw new MalformedSettingsException("\"specifications\" is a JSON " + specs.getNodeType().name().toLowerCase()
                    + ", not an array", null);
        }
        return new RegistrySettings(body, entries.size(), null, null, null, -1, -1, null, root, entries.toArray(new JsonNode[0]));
    }

    private static String shortReason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** The body as received, for the backup file. */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /** Is this the list read into {@code array} (and not a copy of it)? */
    public boolean receivedInto(byte[] array) {
        return rawBody == array;
    }

    /** Writes the body as received (the backup file) without copying it first. */
    public void writeRawBody(OutputStream out) throws IOException {
        // Small writes: a file channel would otherwise copy the whole body into a temporary direct buffer.
        for (int off = 0; off < rawBody.length; off += COPY_CHUNK) {
            out.write(rawBody, off, Math.min(COPY_CHUNK, rawBody.length - off));
        }
    }

    /** The entries in Console order, each built as a tree on first access; do not modify the nodes. */
    public List<JsonNode> entries() {
        return entryView;
    }

    public int size() {
        return size;
    }

    /** Entry {@code i} as a tree (built on first use, then the same node every time); do not modify it. */
    public JsonNode entry(int i) {
        JsonNode n = nodes[i];
        if (n == null) {
            n = materialise(i);
        }
        return n;
    }

    private synchronized JsonNode materialise(int i) {
        if (nodes[i] == null) {
            try {
                nodes[i] = Json.MAPPER.readTree(rawBody, starts[i], ends[i] - starts[i]);
            } catch (IOException e) {
                throw new UncheckedIOException("an entry that parsed before cannot be parsed again", e);
            }
        }
        return nodes[i];
    }

    /** Is entry {@code i} a JSON object (anything else is never ours nor covering)? */
    public boolean isObject(int i) {
        return tree == null || nodes[i].isObject();
    }

    /**
     * The text of the top-level field {@code field} of entry {@code i}: {@code null} when absent or JSON null, the
     * string itself, or for any other value its {@link JsonNode#asText()}. Reads no tree for {@code version},
     * {@code registry}, {@code repository} and {@code tag} when they are strings.
     */
    public String text(int i, String field) {
        if (tree == null) {
            int slot = keySlot(field);
            if (slot >= 0) {
                String k = keys[i * KEY_FIELDS.length + slot];
                if (k != NOT_PLAIN) {
                    return k;
                }
            }
        }
        JsonNode v = entry(i).get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.asText();
    }

    /** Are entries {@code i} of this list and {@code j} of {@code other} the very same bytes (hence the same JSON)? */
    boolean sameBytes(int i, RegistrySettings other, int j) {
        if (tree != null || other.tree != null) {
            return false;
        }
        return Arrays.equals(rawBody, starts[i], ends[i], other.rawBody, other.starts[j], other.ends[j]);
    }

    /** A hash of entry {@code i}'s bytes (equal bytes, equal hash); 0 in tree mode. */
    int bytesHash(int i) {
        if (tree != null) {
            return 0;
        }
        int h = 1;
        for (int k = starts[i], end = ends[i]; k < end; k++) {
            h = 31 * h + rawBody[k];
        }
        return h;
    }

    /**
     * The PUT body: every top-level field of the GET, with {@code specifications} replaced by {@code newEntries}.
     * Entries taken from {@link #entries()} are sent as the very bytes they came in as.
     */
    public byte[] putBody(List<? extends JsonNode> newEntries) {
        if (tree != null) {
            return treePutBody(newEntries);
        }
        Map<JsonNode, Integer> own = new IdentityHashMap<>();
        for (int i = 0; i < size; i++) {
            if (nodes[i] != null) {
                own.put(nodes[i], i);
            }
        }
        int[] sources = new int[newEntries.size()];
        JsonNode[] added = new JsonNode[newEntries.size()];
        for (int k = 0; k < sources.length; k++) {
            JsonNode n = newEntries.get(k);
            Integer i = own.get(n);
            sources[k] = i == null ? -1 : i;
            added[k] = i == null ? n : null;
        }
        return putBody(sources, added);
    }

    /**
     * The PUT body for a new list described by position: element {@code k} is entry {@code sources[k]} of this list
     * (its bytes as received), or {@code added[k]} when {@code sources[k] < 0}. Every top-level field of the GET stays.
     */
    public byte[] putBody(int[] sources, JsonNode[] added) {
        if (tree != null) {
            List<JsonNode> list = new ArrayList<>(sources.length);
            for (int k = 0; k < sources.length; k++) {
                list.add(sources[k] >= 0 ? nodes[sources[k]] : added[k]);
            }
            return treePutBody(list);
        }
        byte[][] addedBytes = new byte[sources.length][];
        long length = listStart + 2L + Math.max(0, sources.length - 1) + (rawBody.length - listEnd);
        for (int k = 0; k < sources.length; k++) {
            int i = sources[k];
            if (i >= 0) {
                length += ends[i] - starts[i];
            } else {
                addedBytes[k] = Json.bytes(added[k]);
                length += addedBytes[k].length;
            }
        }
        byte[] out = new byte[Math.toIntExact(length)];
        System.arraycopy(rawBody, 0, out, 0, listStart);
        int pos = listStart;
        out[pos++] = '[';
        for (int k = 0; k < sources.length; k++) {
            if (k > 0) {
                out[pos++] = ',';
            }
            int i = sources[k];
            byte[] src = i >= 0 ? rawBody : addedBytes[k];
            int from = i >= 0 ? starts[i] : 0;
            int len = i >= 0 ? ends[i] - starts[i] : src.length;
            System.arraycopy(src, from, out, pos, len);
            pos += len;
        }
        out[pos++] = ']';
        System.arraycopy(rawBody, listEnd, out, pos, rawBody.length - listEnd);
        return out;
    }

    private byte[] treePutBody(List<? extends JsonNode> newEntries) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        boolean placed = false;
        var fields = tree.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().equals("specifications")) {
                body.set("specifications", array(newEntries));
                placed = true;
            } else {
                body.set(f.getKey(), f.getValue());
            }
        }
        if (!placed) {
            body.set("specifications", array(newEntries));
        }
        return Json.bytes(body);
    }

    private static ArrayNode array(List<? extends JsonNode> entries) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        entries.forEach(a::add);
        return a;
    }

    /** Did the index pass handle this body (tests: the fast path is really taken)? */
    boolean indexed() {
        return tree == null;
    }

    private final class EntryList extends AbstractList<JsonNode> implements RandomAccess {
        @Override
        public JsonNode get(int index) {
            return entry(java.util.Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
