package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The registry settings exactly as one GET returned them. Entries are the parsed JSON objects themselves, never a
 * closed class, so fields this client does not know (and zero values such as {@code cap: 0}) survive any write;
 * top-level fields ({@code webhookUrlSuffix}, {@code harborScannerUrlSuffix}, anything newer) are kept too.
 */
public final class RegistrySettings {

    private final byte[] rawBody;
    private final ObjectNode root;
    private final List<JsonNode> entries;

    private RegistrySettings(byte[] rawBody, ObjectNode root, List<JsonNode> entries) {
        this.rawBody = rawBody;
        this.root = root;
        this.entries = entries;
    }

    /**
     * Parses a GET body. A missing or {@code null} {@code specifications} means an empty list (a Console with no
     * entry may send either).
     *
     * @throws MalformedSettingsException when the body is not a JSON object with an array of entries (cut off, HTML ...)
     */
    public static RegistrySettings parse(byte[] body) throws MalformedSettingsException {
        JsonNode tree;
        try {
            tree = Json.parse(body);
        } catch (IOException e) {
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
        return new RegistrySettings(body.clone(), root, entries);
    }

    private static String shortReason(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** The body as received, for the backup file. */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /** The entries in Console order; do not modify the nodes. */
    public List<JsonNode> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The PUT body: every top-level field of the GET, with {@code specifications} replaced by {@code newEntries}.
     * Entries taken from {@link #entries()} serialise to the same JSON they came in as.
     */
    public byte[] putBody(List<? extends JsonNode> newEntries) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        boolean placed = false;
        var fields = root.fields();
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
}
