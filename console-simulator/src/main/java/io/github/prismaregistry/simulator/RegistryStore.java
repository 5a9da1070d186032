package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry lists, one per project, as immutable snapshots.
 *
 * <p>Readers take the current snapshot without locking; writers build a new list under {@link #lock} and swap it
 * in. A snapshot's GET body is assembled once, on first use, from per-entry cached bytes, so neither a list of
 * 19,999 entries nor an append to it costs a full re-serialisation per read.
 */
final class RegistryStore {

    static final String DEFAULT_PROJECT = "Central Console";
    private static final byte[] OPEN = "{\"specifications\":[".getBytes(StandardCharsets.UTF_8);

    final ReentrantLock lock = new ReentrantLock();
    private final byte[] close;
    private final Map<String, Snapshot> projects = new ConcurrentHashMap<>();
    private final Snapshot empty = new Snapshot(Collections.emptyList());

    RegistryStore(String webhookUrlSuffix, String harborScannerUrlSuffix) {
        try {
            this.close = ("],\"webhookUrlSuffix\":" + ConsoleSimulator.MAPPER.writeValueAsString(webhookUrlSuffix)
                    + ",\"harborScannerUrlSuffix\":"
                    + ConsoleSimulator.MAPPER.writeValueAsString(harborScannerUrlSuffix) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Snapshot get(String project) {
        return projects.getOrDefault(project, empty);
    }

    Set<String> projectNames() {
        return projects.keySet();
    }

    /** Replaces a project's list with these nodes, which must never be mutated afterwards. Hold {@link #lock}. */
    void replace(String project, List<ObjectNode> nodes) {
        List<StoredEntry> stored = new ArrayList<>(nodes.size());
        for (ObjectNode node : nodes) {
            stored.add(new StoredEntry(node));
        }
        replaceStored(project, stored);
    }

    /** Replaces a project's list with already stored entries (shared, immutable). Hold {@link #lock}. */
    void replaceStored(String project, List<StoredEntry> stored) {
        projects.put(project, new Snapshot(Collections.unmodifiableList(stored)));
    }

    /** Appends one node, reusing the cached bytes of every existing entry. Hold {@link #lock}. */
    void append(String project, ObjectNode node) {
        List<StoredEntry> current = get(project).stored;
        List<StoredEntry> next = new ArrayList<>(current.size() + 1);
        next.addAll(current);
        next.add(new StoredEntry(node));
        replaceStored(project, next);
    }

    void clearAll() {
        projects.clear();
    }

    final class Snapshot {
        final List<StoredEntry> stored;
        /** The stored nodes, read-only; callers must not mutate them. */
        final List<ObjectNode> entries;
        private volatile byte[] settingsJson;

        Snapshot(List<StoredEntry> stored) {
            this.stored = stored;
            this.entries = new AbstractList<>() {
                @Override
                public ObjectNode get(int index) {
                    return stored.get(index).node;
                }

                @Override
                public int size() {
                    return stored.size();
                }
            };
        }

        /** The GET settings/registry body. */
        byte[] settingsJson() {
            byte[] json = settingsJson;
            if (json == null) {
                synchronized (this) {
                    json = settingsJson;
                    if (json == null) {
                        json = assemble();
                        settingsJson = json;
                    }
                }
            }
            return json;
        }

        private byte[] assemble() {
            serialiseMissing();
            int size = stored.size();
            byte[][] parts = new byte[size][];
            long length = OPEN.length + close.length + Math.max(0, size - 1);
            for (int i = 0; i < size; i++) {
                parts[i] = stored.get(i).json();
                length += parts[i].length;
            }
            if (length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("registry list too large to serve: " + length + " bytes");
            }
            byte[] body = new byte[(int) length];
            System.arraycopy(OPEN, 0, body, 0, OPEN.length);
            int position = OPEN.length;
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    body[position++] = ',';
                }
                System.arraycopy(parts[i], 0, body, position, parts[i].length);
                position += parts[i].length;
            }
            System.arraycopy(close, 0, body, position, close.length);
            return body;
        }

        /** One generator for all entries not yet serialised: far cheaper than one writeValueAsBytes each. */
        private void serialiseMissing() {
            List<StoredEntry> missing = new ArrayList<>();
            for (StoredEntry entry : stored) {
                if (!entry.hasJson()) {
                    missing.add(entry);
                }
            }
            if (missing.size() < 8) {
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(missing.size() * 512);
            int[] ends = new int[missing.size()];
            try (JsonGenerator generator = ConsoleSimulator.MAPPER.getFactory().createGenerator(out)) {
                generator.setRootValueSeparator(null);
                for (int i = 0; i < missing.size(); i++) {
                    ConsoleSimulator.MAPPER.writeTree(generator, missing.get(i).node);
                    generator.flush();
                    ends[i] = out.size();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] all = out.toByteArray();
            int start = 0;
            for (int i = 0; i < missing.size(); i++) {
                missing.get(i).cacheJson(Arrays.copyOfRange(all, start, ends[i]));
                start = ends[i];
            }
        }
    }
}
