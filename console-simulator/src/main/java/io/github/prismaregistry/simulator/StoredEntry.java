package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored registry specification and, once needed, its serialised form.
 *
 * <p>The node is never mutated after it is stored, so the bytes stay valid and the GET body after an append is a
 * concatenation of cached bytes rather than a re-serialisation of the whole list.
 */
final class StoredEntry {

    final ObjectNode node;
    private volatile byte[] json;

    StoredEntry(ObjectNode node) {
        this.node = node;
    }

    boolean hasJson() {
        return json != null;
    }

    void cacheJson(byte[] bytes) {
        json = bytes;
    }

    byte[] json() {
        byte[] bytes = json;
        if (bytes == null) {
            try {
                bytes = ConsoleSimulator.MAPPER.writeValueAsBytes(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a stored entry", e);
            }
            // Racing threads compute identical bytes; either copy may win.
            json = bytes;
        }
        return bytes;
    }
}
