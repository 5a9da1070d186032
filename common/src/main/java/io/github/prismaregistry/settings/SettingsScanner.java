package io.github.prismaregistry.settings;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One strict pass over a settings body that finds where each entry's bytes are and reads the few key fields, without
 * building tokens or trees. A list of 19,999 entries is about 9 MB and is read on every run, so this pass is the
 * client's main cost; a general JSON parser spends most of its time on tokens nobody looks at.
 *
 * <p>It accepts only strict RFC 8259 JSON in valid UTF-8, and is stricter than the tree parser where that is simpler
 * (deep nesting, very long numbers, exponents or names, a byte order mark): whatever it does not accept goes to the tree parser,
 * which then either reads it or reports what is wrong. So it can never accept a body the tree parser would reject.
 */
final class SettingsScanner {

    /** Raised for anything this pass does not accept; carries no stack trace, it only steers to the tree parser. */
    private static final class NotHandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotHandled() {
            super(null, null, false, false);
        }
    }

    private static final NotHandled NOT_HANDLED = new NotHandled();
    // Well inside the tree parser's limits (nesting 1000, numbers 1000 characters, names 50,000 bytes).
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_LENGTH = 500;
    private static final int MAX_EXPONENT_DIGITS = 4;
    private static final int MAX_NAME_LENGTH = 10_000;

    /** Where the entries are and their key fields, {@code keyFields.length} slots per entry. */
    record Index(int[] starts, int[] ends, String[] keys, int listStart, int listEnd, Set<String> namesBeforeList) {
    }

    private final byte[] b;
    private final RegistrySettings.Arrival arrival;
    private final String[] keyFieldNames;
    private final byte[][] keyFields;
    private final String notPlain;
    // Types, registries and tags repeat a lot: one copy each keeps the index small, and finding it by its bytes
    // saves building the string again. Repositories are nearly all different, so looking them up would only cost time.
    private final SharedStrings seen = new SharedStrings();
    private final boolean[] shareSlot;
    private int pos;
    private boolean lastStringEscaped;

    private SettingsScanner(byte[] body, String[] keyFields, String notPlain, RegistrySettings.Arrival arrival) {
        this.b = body;
        this.arrival = arrival;
        this.keyFieldNames = keyFields.clone();
        this.keyFields = new byte[keyFields.length][];
        for (int i = 0; i < keyFields.length; i++) {
            this.keyFields[i] = keyFields[i].getBytes(StandardCharsets.UTF_8);
        }
        this.notPlain = notPlain;
        this.shareSlot = new boolean[keyFields.length];
        for (int i = 0; i < keyFields.length; i++) {
            shareSlot[i] = !keyFields[i].equals("repository");
        }
    }

    /**
     * @param namesBefore top-level names already seen before this body's first name (a resumed parse)
     * @param keyFields   the entry fields whose string values are kept
     * @param notPlain    what to keep for a key field whose value is neither a string nor null
     * @return the index, or null when the body must go to the tree parser
     */
    static Index scan(byte[] body, Set<String> namesBefore, String[] keyFields, String notPlain) {
        try {
            return scan(body, namesBefore, keyFields, notPlain, COMPLETE);
        } catch (InterruptedException e) {
            throw new AssertionError("a complete body never waits", e);
        }
    }

    /**
     * Like {@link #scan(byte[], Set, String[], String)} for a body that is still being received into {@code body}:
     * the pass waits for each window of bytes before reading it. A byte not yet received reads as 0, which is never
     * valid JSON, so an entry longer than the window ends the pass with null (read the whole body again once it is
     * there) and can never produce a wrong index.
     */
    static Index scan(byte[] body, Set<String> namesBefore, String[] keyFields, String notPlain,
            RegistrySettings.Arrival arrival) throws InterruptedException {
        try {
            return new SettingsScanner(body, keyFields, notPlain, arrival).body(namesBefore);
        } catch (NotHandled | ArrayIndexOutOfBoundsException e) {
            // Out of bounds: the body ends in the middle of a value.
            return null;
        }
    }

    private static final RegistrySettings.Arrival COMPLETE = end -> {
    };
    /** How far ahead of an entry's start the pass waits for bytes when the body is still arriving. */
    private static final int WINDOW = 64 * 1024;
    /** How much more it waits for once it has caught up with the transfer. */
    private static final int CATCH_UP = 512 * 1024;
    /** Bytes known to have arrived (no need to ask again below this). */
    private int known;

    private Index body(Set<String> namesBefore) throws InterruptedException {
        Set<String> topLevel = new HashSet<>(namesBefore);
        Set<String> namesBeforeList = null;
        int listStart = -1;
        int listEnd = -1;
        // Entries are a few hundred bytes: sized from the body, the lists rarely grow.
        int expected = b.length / 256 + 16;
        IntList starts = new IntList(expected);
        IntList ends = new IntList(expected);
        StringList keys = new StringList(expected * keyFields.length);
        awaitWindow();
        ws();
        expect('{');
        ws();
        if (b[pos] == '}') {
            pos++;
        } else {
            do {
                String name = string();
                if (!topLevel.add(name)) {
                    throw NOT_HANDLED;
                }
                ws();
                expect(':');
                ws();
                if (!name.equals("specifications")) {
                    value(1);
                    continue;
                }
                if (b[pos] != '[') {
                    throw NOT_HANDLED;
                }
                Set<String> before = new HashSet<>(topLevel);
                before.remove("specifications");
                namesBeforeList = Set.copyOf(before);
                listStart = pos++;
                ws();
                if (b[pos] == ']') {
                    pos++;
                } else {
                    do {
                        awaitWindow();
                        if (b[pos] != '{') {
                            throw NOT_HANDLED;
                        }
                        starts.add(pos);
                        entry(keys);
                        ends.add(pos);
                    } while (next((byte) ']'));
                }
                listEnd = pos;
                // What follows the list is short: wait for all of it.
                arrival.await(b.length);
            } while (next((byte) '}'));
        }
        while (pos < b.length && isWhitespace(b[pos])) {
            pos++;
        }
        if (pos != b.length || listStart < 0) {
            throw NOT_HANDLED;
        }
        return new Index(starts.toArray(), ends.toArray(), keys.toArray(), listStart, listEnd, namesBeforeList);
    }

    private void awaitWindow() throws InterruptedException {
        int needed = (int) Math.min(b.length, (long) pos + WINDOW);
        if (needed <= known) {
            return;
        }
        if (!arrival.arrived(needed)) {
            // Caught up with the transfer: wait for a good deal more, or each few KB received would wake this
            // thread again (a wake-up costs more than reading them).
            needed = (int) Math.min(b.length, (long) needed + CATCH_UP);
        }
        arrival.await(needed);
        known = needed;
    }

    /**
     * An entry object at {@code pos}; adds its key-field values (the last of repeated names wins, as in a tree).
     *
     * <p>A Console writes every entry with the same members in nearly the same order, and most values repeat (empty
     * strings, {@code false}, {@code []}, the same OS). So each member is first compared, as bytes, with the member that
     * followed the previous one last time, and its value with a value that member had before (one of up to 64, chosen
     * by its first bytes). Bytes equal to a member or value this pass has already checked are valid in the same place
     * again, so a match needs no checking; anything else is read the strict way and becomes the next prediction.
     */
    private void entry(StringList keys) {
        int base = keys.claim(keyFields.length);
        String[] entryKeys = keys.a;
        pos++;
        ws();
        if (b[pos] == '}') {
            pos++;
            return;
        }
        Member previous = entryStart;
        do {
            Member member = previous.next;
            int memberStart = pos;
            int same = member == null ? -1 : sameLength(pos, member.wholeAt, member.wholeLength);
            if (member != null && same == member.wholeLength) {
                // Name and value as the last time: the commonest case, one comparison.
                int end = pos + same;
                if (end < b.length && (b[end] == ',' || b[end] == '}')) {
                    pos = end;
                    // The copy just read is the nearest one, likely still in the cache, for the next comparison.
                    member.wholeAt = memberStart;
                    if (member.slot >= 0) {
                        entryKeys[base + member.slot] = member.wholeValue;
                    }
                    previous = member;
                    continue;
                }
            }
            if (member != null && same >= member.nameLength) {
                pos += member.nameLength;
            } else {
                member = memberAt();
                previous.next = member;
            }
            if (member == null) {
                // A name this pass does not predict (escaped, or with whitespace before the colon).
                previous = entryStart;
                int slot = keySlot();
                colon();
                readValue(entryKeys, base, slot);
                continue;
            }
            int way = valueWay();
            int length = member.valueLength[way];
            int end = pos + length;
            if (length > 0 && end < b.length && (b[end] == ',' || b[end] == '}') && sameBytes(pos, member.valueAt[way], length)) {
                pos = end;
                if (member.slot >= 0) {
                    entryKeys[base + member.slot] = member.value[way];
                }
            } else {
                ws();
                int start = pos;
                member.value[way] = readValue(entryKeys, base, member.slot);
                member.valueAt[way] = start;
                member.valueLength[way] = pos - start;
            }
            member.wholeAt = memberStart;
            member.wholeLength = pos - memberStart;
            member.wholeValue = member.value[way];
            previous = member;
        } while (next((byte) '}'));
    }

    /** A member's value at {@code pos}, kept in its key-field slot if it has one; returns what was kept. */
    private String readValue(String[] entryKeys, int base, int slot) {
        String kept;
        if (slot < 0) {
            value(2);
            return null;
        } else if (b[pos] == '"') {
            kept = shareSlot[slot] ? sharedString() : string();
        } else if (b[pos] == 'n') {
            literal("null");
            kept = null;
        } else {
            value(2);
            kept = notPlain;
        }
        entryKeys[base + slot] = kept;
        return kept;
    }

    /**
     * An entry member's name and colon, as seen before in this body.
     *
     * <p>{@code nameAt} and {@code valueAt} point at bytes of this body that have been checked: the name with its
     * quotes and the colon right after it, and values read for this name.
     */
    private static final class Member {
        final int nameAt;
        final int nameLength;
        final int slot;
        final int hash;
        Member next;
        // The whole member (name, colon and value) as read last time.
        int wholeAt;
        int wholeLength;
        String wholeValue;
        // Values seen for this member, by the bytes they start with: a value that repeats (an empty string, the
        // registry type, a credential ID used by many entries) is found again wherever it was read last.
        final int[] valueAt = new int[VALUE_WAYS];
        final int[] valueLength = new int[VALUE_WAYS];
        final String[] value = new String[VALUE_WAYS];

        Member(int nameAt, int nameLength, int slot, int hash) {
            this.nameAt = nameAt;
            this.nameLength = nameLength;
            this.slot = slot;
            this.hash = hash;
        }
    }

    private static final int VALUE_WAYS = 64;

    /** Which of a member's remembered values to compare the value at {@code pos} with: from its first 16 bytes. */
    private int valueWay() {
        if (pos > b.length - 2 * Long.BYTES) {
            return 0;
        }
        long mixed = (long) LONGS.get(b, pos) * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, pos + Long.BYTES) * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed >>> (Long.SIZE - Integer.numberOfTrailingZeros(VALUE_WAYS)));
    }

    private final Member entryStart = new Member(0, 0, -1, 0);
    private static final int MEMBER_SLOTS = 1 << 8;
    private final Member[] members = new Member[MEMBER_SLOTS];
    private int membersKnown;

    /**
     * Reads the member name at {@code pos} and the colon right after it; the known member of that name (a new one the
     * first time), or null for a name that cannot be predicted, leaving {@code pos} at the name.
     */
    private Member memberAt() {
        int start = pos;
        memberName();
        if (lastStringEscaped || b[pos] != ':') {
            pos = start;
            return null;
        }
        pos++;
        int length = pos - start;
        int h = 0;
        for (int i = start + 1; i < pos - 2; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ h >>> 16) & (MEMBER_SLOTS - 1);
        for (int probe = 0; probe < MEMBER_SLOTS; probe++, slot = (slot + 1) & (MEMBER_SLOTS - 1)) {
            Member m = members[slot];
            if (m == null) {
                break;
            }
            if (m.hash == h && m.nameLength == length && Arrays.equals(b, start, pos, b, m.nameAt, m.nameAt + length)) {
                return m;
            }
        }
        // Bodies with ever new names (a few at most in a real list) stop being predicted, and only cost the look-up.
        if (membersKnown >= MEMBER_SLOTS / 2) {
            pos = start;
            return null;
        }
        int end = pos;
        pos = start;
        int keySlot = keySlot();
        pos = end;
        Member m = new Member(start, length, keySlot, h);
        members[slot] = m;
        membersKnown++;
        return m;
    }

    /**
     * How many of the {@code length} bytes at {@code at}, from the first, are the same as those at {@code ref}, an
     * earlier place in the body; -1 when that is not compared (nothing to compare, or too near the end of the body).
     * Bytes not yet received read as 0, which no checked member or value holds.
     */
    private int sameLength(int at, int ref, int length) {
        byte[] bytes = b;
        if (length == 0 || at > bytes.length - Long.BYTES - length) {
            return -1;
        }
        for (int i = 0; ; i += Long.BYTES) {
            long diff = (long) LONGS.get(bytes, at + i) ^ (long) LONGS.get(bytes, ref + i);
            int left = length - i;
            if (left <= Long.BYTES) {
                return diff << (Long.SIZE - Long.BYTES * left) == 0 ? length : i + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
            if (diff != 0) {
                return i + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
        }
    }

    /**
     * Are the {@code length} bytes at {@code at} the same as those at {@code ref}, an earlier place in the body? Bytes
     * not yet received read as 0, which no checked member or value holds, so they never match.
     */
    private boolean sameBytes(int at, int ref, int length) {
        if (at > b.length - Long.BYTES - length) {
            return at <= b.length - length && Arrays.equals(b, at, at + length, b, ref, ref + length);
        }
        return sameLength(at, ref, length) == length;
    }

    /** The colon after a member name, with any whitespace around it. */
    private void colon() {
        ws();
        expect(':');
        ws();
    }

    /** Reads a member name; the index of the key field it names, or -1. */
    private int keySlot() {
        int start = memberName();
        if (lastStringEscaped) {
            return Arrays.asList(keyFieldNames).indexOf(decode(start + 1, pos - 1));
        }
        int length = pos - start - 2;
        byte first = b[start + 1];
        for (int i = 0; i < keyFields.length; i++) {
            byte[] key = keyFields[i];
            // Length and first byte rule out nearly every other name before the bytes are compared.
            if (key.length == length && (length == 0 || key[0] == first) && equalsAt(start + 1, pos, key)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves past a member name (a string of bounded length); returns where it started. */
    private int memberName() {
        int start = pos;
        skipString();
        if (pos - start > MAX_NAME_LENGTH) {
            throw NOT_HANDLED;
        }
        return start;
    }

    /** Is the string whose content starts at {@code from} and whose closing quote is at {@code end - 1} {@code text}? */
    private boolean equalsAt(int from, int end, byte[] text) {
        return end - 1 - from == text.length && Arrays.equals(b, from, end - 1, text, 0, text.length);
    }

    private void value(int depth) {
        byte c = b[pos];
        switch (c) {
            case '{' -> container(depth + 1, (byte) '}');
            case '[' -> container(depth + 1, (byte) ']');
            case '"' -> skipString();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** An object ({@code close == '}'}) or array ({@code close == ']'}) at {@code pos}. */
    private void container(int depth, byte close) {
        if (depth > MAX_DEPTH) {
            throw NOT_HANDLED;
        }
        pos++;
        ws();
        if (b[pos] == close) {
            pos++;
            return;
        }
        do {
            if (close == '}') {
                memberName();
                colon();
            }
            value(depth);
        } while (next(close));
    }

    /** After a member or element: true at a comma (and moves to what follows), false at {@code close}. */
    private boolean next(byte close) {
        byte c = b[pos];
        if (c == ',') {
            // The common case, without whitespace before the comma.
            pos++;
            ws();
            return true;
        }
        ws();
        c = b[pos++];
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw NOT_HANDLED;
        }
        ws();
        return true;
    }

    private void number() {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        if (b[pos] == '0') {
            pos++;
        } else if (isDigit(b[pos])) {
            digits();
        } else {
            throw NOT_HANDLED;
        }
        if (b[pos] == '.') {
            pos++;
            digits();
        }
        if (b[pos] == 'e' || b[pos] == 'E') {
            pos++;
            if (b[pos] == '+' || b[pos] == '-') {
                pos++;
            }
            int exponentStart = pos;
            digits();
            // The tree parser keeps numbers exactly and refuses exponents beyond an int; leave the odd ones to it.
            if (pos - exponentStart > MAX_EXPONENT_DIGITS) {
                throw NOT_HANDLED;
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw NOT_HANDLED;
        }
    }

    /** One or more digits. */
    private void digits() {
        if (!isDigit(b[pos])) {
            throw NOT_HANDLED;
        }
        do {
            pos++;
        } while (isDigit(b[pos]));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[pos++] != word.charAt(i)) {
                throw NOT_HANDLED;
            }
        }
    }

    private String string() {
        int start = pos;
        skipString();
        return lastStringEscaped ? decode(start + 1, pos - 1) : new String(b, start + 1, pos - start - 2, StandardCharsets.UTF_8);
    }

    /** Moves past the string starting at {@code pos}, checking escapes, control characters and UTF-8. */
    private void skipString() {
        // Most of the body is string content: this loop keeps the position in a local and steps over plain ASCII
        // eight bytes at a time, stopping only where a byte needs a closer look.
        byte[] bytes = b;
        int p = pos;
        if (bytes[p++] != '"') {
            throw NOT_HANDLED;
        }
        int wordEnd = bytes.length - Long.BYTES;
        boolean escaped = false;
        while (true) {
            if (p <= wordEnd) {
                long stops = stops((long) LONGS.get(bytes, p));
                if (stops == 0) {
                    p += Long.BYTES;
                    continue;
                }
                p += Long.numberOfTrailingZeros(stops) >>> 3;
            }
            int c = bytes[p++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                pos = p;
                escape();
                p = pos;
            } else if (c < 0) {
                pos = p;
                multiByte(c & 0xFF);
                p = pos;
            } else if (c < 0x20) {
                throw NOT_HANDLED;
            }
        }
        pos = p;
        lastStringEscaped = escaped;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The high bit of each byte of {@code word} (little-endian, so the lowest set bit is the first byte in the body)
     * that is a quote, a backslash, a control character or part of a multi-byte character. Above the first such
     * byte other bits may be set by a borrow, never below it, so only the lowest set bit is to be trusted.
     */
    private static long stops(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        return ((quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (word - ONES * 0x20) & ~word
                | word) & HIGH_BITS;
    }

    private void escape() {
        switch (b[pos++]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    hex(b[pos++]);
                }
            }
            default -> throw NOT_HANDLED;
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw NOT_HANDLED;
    }

    /** The rest of a multi-byte UTF-8 sequence after its lead byte (RFC 3629: no overlong forms, no surrogates). */
    private void multiByte(int lead) {
        int min = 0x80;
        int max = 0xBF;
        int continuation;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw NOT_HANDLED;
        }
        int second = b[pos++] & 0xFF;
        if (second < min || second > max) {
            throw NOT_HANDLED;
        }
        for (int i = 1; i < continuation; i++) {
            if ((b[pos++] & 0xC0) != 0x80) {
                throw NOT_HANDLED;
            }
        }
    }

    /** The text of string content {@code [from, to)} that holds escapes (already checked by {@link #skipString}). */
    private String decode(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            byte e = b[i + 1];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) (hex(b[i + 2]) << 12 | hex(b[i + 3]) << 8 | hex(b[i + 4]) << 4 | hex(b[i + 5])));
                default -> out.append((char) e);
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        out.append(new String(b, run, to - run, StandardCharsets.UTF_8));
        return out.toString();
    }

    /** The string at {@code pos}, the same instance for the same bytes. */
    private String sharedString() {
        int start = pos;
        skipString();
        if (lastStringEscaped) {
            return decode(start + 1, pos - 1);
        }
        return seen.get(b, start + 1, pos - 1);
    }

    /**
     * Strings by their UTF-8 bytes in the body, without building a string to look one up. Open addressing; when it
     * is full, a miss builds an unshared string (which only costs memory).
     */
    private static final class SharedStrings {
        private static final int SLOTS = 1 << 12;
        private final int[] from = new int[SLOTS];
        private final int[] to = new int[SLOTS];
        private final String[] values = new String[SLOTS];
        private int used;

        String get(byte[] body, int start, int end) {
            if (start == end) {
                return "";
            }
            int slot = slotOf(body, start, end);
            for (int probe = 0; probe < 32; probe++, slot = (slot + 1) & (SLOTS - 1)) {
                String value = values[slot];
                if (value == null) {
                    value = new String(body, start, end - start, StandardCharsets.UTF_8);
                    if (used < SLOTS / 2) {
                        from[slot] = start;
                        to[slot] = end;
                        values[slot] = value;
                        used++;
                    }
                    return value;
                }
                if (to[slot] - from[slot] == end - start && Arrays.equals(body, start, end, body, from[slot], to[slot])) {
                    return value;
                }
            }
            return new String(body, start, end - start, StandardCharsets.UTF_8);
        }

        /** From the length and the first and last eight bytes (words, not a loop over every byte). */
        private static int slotOf(byte[] body, int start, int end) {
            int length = end - start;
            long mixed;
            if (length >= Long.BYTES) {
                mixed = (long) LONGS.get(body, start) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(body, end - Long.BYTES);
            } else if (start <= body.length - Long.BYTES) {
                // The bytes after the string are not part of it: shifted out.
                mixed = (long) LONGS.get(body, start) << (Long.SIZE - Long.BYTES * length);
            } else {
                mixed = 0;
                for (int i = start; i < end; i++) {
                    mixed = mixed << 8 | body[i] & 0xFF;
                }
            }
            mixed = (mixed + length) * 0xC2B2AE3D27D4EB4FL;
            return (int) (mixed >>> (Long.SIZE - Integer.numberOfTrailingZeros(SLOTS)));
        }
    }

    /** Skips whitespace; the body must go on after it (it cannot end inside the root object). */
    private void ws() {
        while (isWhitespace(b[pos])) {
            pos++;
        }
    }

    private static boolean isWhitespace(byte c) {
        // Nearly every byte is above the space: one comparison decides.
        return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    }

    private void expect(char c) {
        if (b[pos++] != c) {
            throw NOT_HANDLED;
        }
    }

    /** Growable int list without boxing (19,999 entries). */
    private static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) {
            a = new int[capacity];
        }

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class StringList {
        private String[] a;
        private int n;

        StringList(int capacity) {
            a = new String[capacity];
        }

        /** Adds {@code count} nulls; returns where they start in {@link #a} (which may be a new array now). */
        int claim(int count) {
            if (n + count > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + count));
            }
            n += count;
            return n - count;
        }

        String[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
