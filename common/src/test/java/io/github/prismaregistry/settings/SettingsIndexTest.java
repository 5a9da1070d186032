package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index pass must agree with a whole-tree parse of the same bytes, entry by entry. */
class SettingsIndexTest {

    private static final String[] ODD_ENTRIES = {
        "{\"version\":\"2\",\"registry\":\"r.example\",\"repository\":\"a \\\"quoted\\\" \\\\ name\",\"tag\":\"\",\"cap\":0}",
        "{ \"registry\" : \"\\u0072.example\" ,\n\t\"version\":\"2\", \"repository\":\"équipe/データ\", \"cap\": 1e3 }",
        "{\"nested\":{\"version\":\"not-top-level\",\"a\":[1,{\"b\":null}]},\"version\":\"aws\",\"registry\":null}",
        "{\"version\":2,\"registry\":true,\"repository\":[\"x\"],\"tag\":{\"t\":1},\"scanners\":1.50}",
        "{\"repository\":\"first\",\"repository\":\"second wins\"}",
        "{}",
        "{\"tag\":\"\\ud83d\\ude00 emoji\",\"registry\":\"R.Example/\",\"big\":123456789012345678901234567890,\"neg\":-0}",
    };

    private static final java.util.regex.Pattern LONG_EXPONENT = java.util.regex.Pattern.compile("\\d[eE][+-]?\\d{5}");

    private static String body(String... entries) {
        return "{\"webhookUrlSuffix\":\"abc\",\"specifications\":[" + String.join(",", entries)
                + "],\"harborScannerUrlSuffix\":\"h\",\"newTopLevel\":{\"x\":[1,2]}}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> treeEntries(byte[] body) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Json.parse(body).get("specifications").forEach(out::add);
        return out;
    }

    private static void assertAgreesWithTree(byte[] body) throws Exception {
        RegistrySettings s = RegistrySettings.parse(body);
        List<JsonNode> reference = treeEntries(body);
        assertThat(s.indexed()).as("index pass used").isTrue();
        assertThat(s.size()).isEqualTo(reference.size());
        for (int i = 0; i < reference.size(); i++) {
            JsonNode ref = reference.get(i);
            assertThat(s.entry(i)).as("entry %d", i).isEqualTo(ref);
            assertThat(s.isObject(i)).isEqualTo(ref.isObject());
            for (String field : new String[]{"version", "registry", "repository", "tag", "cap", "nested"}) {
                JsonNode v = ref.get(field);
                String expected = v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.asText();
                assertThat(s.text(i, field)).as("entry %d field %s", i, field).isEqualTo(expected);
            }
        }
    }

    @Test
    void indexAgreesWithTheTreeOnOddEntries() throws Exception {
        assertAgreesWithTree(utf8(body(ODD_ENTRIES)));
        assertAgreesWithTree(utf8("\n {  \"specifications\" : [ " + String.join(" ,\n ", ODD_ENTRIES) + " ] }\n"));
        assertAgreesWithTree(utf8(body()));
    }

    @Test
    void indexAgreesWithTheTreeOnSeededEntries() throws Exception {
        List<ObjectNode> seeded = ConsoleSimulator.seedEntries(3_000);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("webhookUrlSuffix", "w");
        root.putArray("specifications").addAll(seeded);
        byte[] compact = Json.bytes(root);
        assertAgreesWithTree(compact);
        byte[] pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        assertAgreesWithTree(pretty);
    }

    @Test
    void putBodyCopiesUntouchedEntriesAndKeepsTopLevelFields() throws Exception {
        byte[] body = utf8(body(ODD_ENTRIES));
        RegistrySettings s = RegistrySettings.parse(body);
        JsonNode added = Json.MAPPER.readTree("{\"version\":\"2\",\"repository\":\"new\"}");

        byte[] put = s.putBody(new int[]{6, 0, -1, 2}, new JsonNode[]{null, null, added, null});

        String expected = body(ODD_ENTRIES[6], ODD_ENTRIES[0], "{\"version\":\"2\",\"repository\":\"new\"}", ODD_ENTRIES[2]);
        assertThat(new String(put, StandardCharsets.UTF_8)).isEqualTo(expected);
        // Same JSON as the tree-based body the list API builds.
        List<JsonNode> byNodes = List.of(s.entry(6), s.entry(0), added, s.entry(2));
        assertThat(Json.parse(put)).isEqualTo(Json.parse(s.putBody(byNodes)));
        assertThat(Json.parse(s.putBody(new int[0], new JsonNode[0])).get("specifications")).isEmpty();
    }

    @Test
    void irregularBodiesFallBackToTheTreeWithTheSameResult() throws Exception {
        String[] bodies = {
            "{\"specifications\":[{\"version\":\"2\"},\"not an object\",3]}",
            "{\"specifications\":null,\"webhookUrlSuffix\":\"w\"}",
            "{\"webhookUrlSuffix\":\"w\"}",
            "{\"specifications\":[{\"repository\":\"dropped\"}],\"specifications\":[{\"repository\":\"kept\"}]}",
        };
        for (String b : bodies) {
            RegistrySettings s = RegistrySettings.parse(utf8(b));
            JsonNode specs = Json.parse(utf8(b)).get("specifications");
            List<JsonNode> reference = new ArrayList<>();
            if (specs != null) {
                specs.forEach(reference::add);
            }
            assertThat(s.indexed()).as(b).isFalse();
            assertThat(new ArrayList<>(s.entries())).as(b).isEqualTo(reference);
            JsonNode put = Json.parse(s.putBody(new ArrayList<>(s.entries())));
            assertThat(put.get("specifications")).as(b).isEqualTo(reference.isEmpty()
                    ? Json.MAPPER.createArrayNode() : Json.MAPPER.createArrayNode().addAll(reference));
        }
    }

    @Test
    void rawBodyIsWrittenUnchanged() throws Exception {
        byte[] body = utf8(body(ODD_ENTRIES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistrySettings.parseOwned(body).writeRawBody(out);
        assertThat(out.toByteArray()).isEqualTo(body);
    }

    @Test
    void vanishedCountMatchesTheTreeComparisonOnShuffledAndRewrittenLists() throws Exception {
        List<ObjectNode> seeded = ConsoleSimulator.seedEntries(400);
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<JsonNode> before = new ArrayList<>(seeded);
            List<JsonNode> after = new ArrayList<>(seeded);
            // Duplicates, losses, a scan status change, a changed field, new entries, maybe a reorder.
            before.add(seeded.get(random.nextInt(seeded.size())));
            for (int k = random.nextInt(4); k > 0; k--) {
                after.remove(random.nextInt(after.size()));
            }
            int scanned = random.nextInt(after.size());
            after.set(scanned, ((ObjectNode) after.get(scanned).deepCopy()).put("scanStatus", "completed"));
            int changed = random.nextInt(after.size());
            after.set(changed, ((ObjectNode) after.get(changed).deepCopy()).put("cap", 99));
            after.add(Json.MAPPER.readTree("{\"repository\":\"someone-else\"}"));
            if (round % 3 == 0) {
                Collections.shuffle(after, random);
            }
            int[] skip = round % 2 == 0 ? new int[]{random.nextInt(before.size())} : new int[0];
            RegistrySettings b = RegistrySettings.parse(bodyOf(before, false));
            RegistrySettings a = RegistrySettings.parse(bodyOf(after, round % 4 == 1));

            List<JsonNode> untouched = new ArrayList<>(before);
            if (skip.length > 0) {
                untouched.remove(skip[0]);
            }
            assertThat(EntryIdentity.vanishedCount(b, skip, a)).as("round %d", round)
                    .isEqualTo(EntryIdentity.vanished(untouched, after).size());
        }
    }

    @Test
    void vanishedCountIgnoresScannerFieldsKeyOrderAndWhitespace() throws Exception {
        RegistrySettings before = RegistrySettings.parse(utf8(body("{\"repository\":\"a\",\"cap\":5}", "{\"repository\":\"b\"}")));
        RegistrySettings after = RegistrySettings.parse(utf8("{\"specifications\": [ {\"repository\":\"b\"},\n"
                + "{ \"cap\" : 5, \"repository\" : \"a\", \"scanStatus\":\"done\", \"lastScanTime\":\"t\" } ] }"));
        assertThat(EntryIdentity.vanishedCount(before, new int[0], after)).isZero();

        RegistrySettings lost = RegistrySettings.parse(utf8(body("{\"repository\":\"b\"}", "{\"repository\":\"a\",\"cap\":6}")));
        assertThat(EntryIdentity.vanishedCount(before, new int[0], lost)).isEqualTo(1);
        assertThat(EntryIdentity.vanishedCount(before, new int[]{0}, lost)).isZero();
    }

    @Test
    void resumedParseAgreesWithAFullParse() throws Exception {
        String a = ODD_ENTRIES[0];
        String b = ODD_ENTRIES[1];
        String c = ODD_ENTRIES[2];
        String d = ODD_ENTRIES[6];
        RegistrySettings previous = RegistrySettings.parse(utf8(body(a, b, c)));
        String[] next = {
            body(a, b, c),
            body(a, b, c, d),
            body(a, c),
            body(a, b),
            body(d, a, b, c),
            body(a, b, "{\"version\":\"2\"}", c),
            body(a, b, c) + "  ",
            "{\"webhookUrlSuffix\":\"abc\",\"specifications\":[" + a + "," + b + "]}",
            "{\"webhookUrlSuffix\":\"abc\",\"specifications\":[" + a + "]  ,\"extra\":[{\"x\":1}],\"z\":null}",
            "{\"webhookUrlSuffix\":\"abc\",\"specifications\":[" + a + "],\"webhookUrlSuffix\":\"again\"}",
            "{\"webhookUrlSuffix\":\"abc\",\"specifications\":[" + a + ",\"text\"]}",
        };
        for (String text : next) {
            byte[] bytes = utf8(text);
            RegistrySettings resumed = RegistrySettings.parseOwned(bytes.clone(), previous);
            RegistrySettings full = RegistrySettings.parse(bytes);
            assertThat(resumed.indexed()).as(text).isEqualTo(full.indexed());
            assertThat(new ArrayList<>(resumed.entries())).as(text).isEqualTo(new ArrayList<>(full.entries()));
            for (int i = 0; i < full.size(); i++) {
                for (String field : new String[]{"version", "registry", "repository", "tag"}) {
                    assertThat(resumed.text(i, field)).isEqualTo(full.text(i, field));
                }
            }
            int[] all = new int[full.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            assertThat(resumed.putBody(all, new JsonNode[all.length])).as(text).isEqualTo(full.putBody(all, new JsonNode[all.length]));
        }
    }

    @Test
    void resumedParseRejectsWhatAFullParseRejects() throws Exception {
        String full = body(ODD_ENTRIES[0], ODD_ENTRIES[1], ODD_ENTRIES[2]);
        RegistrySettings previous = RegistrySettings.parse(utf8(full));
        String appended = body(ODD_ENTRIES[0], ODD_ENTRIES[1], ODD_ENTRIES[2], ODD_ENTRIES[3]);
        for (String bad : new String[]{appended.substring(0, appended.length() - 20), full + " trailing",
                full.replace("]", ""), body(ODD_ENTRIES[0], ODD_ENTRIES[1], ODD_ENTRIES[2], "{\"a\":tru}")}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistrySettings.parseOwned(utf8(bad), previous))
                    .as(bad).isInstanceOf(MalformedSettingsException.class);
        }
    }

    /**
     * Random damage to a valid body (cut off, one byte replaced, one byte inserted): whatever the tree parser rejects
     * must be rejected, whatever it reads must come out the same, and plain ASCII damage it reads must not push the
     * body off the fast path.
     */
    @Test
    void damagedBodiesAreReadExactlyAsTheTreeReadsThem() throws Exception {
        byte[] valid = utf8(body(ODD_ENTRIES).replace("\"cap\":0}", "\"cap\":0,\"n\":[-1.5e+3,0.25,true,false,null,{}]}"));
        byte[] interesting = utf8(" \t\n\"\\{}[],:-+.0123456789eEtfnu/abx");
        byte[] nonAscii = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4,
            (byte) 0xF5, (byte) 0xFF, 0, 0x1F, 0x7F};
        Random random = new Random(20_251_126L);
        int accepted = 0;
        int rejected = 0;
        int fastPath = 0;
        for (int round = 0; round < 6_000; round++) {
            int at = random.nextInt(valid.length);
            boolean ascii = round % 3 != 1 || random.nextInt(4) > 0;
            byte[] damaged = damage(valid, at, round % 3,
                    ascii ? interesting[random.nextInt(interesting.length)] : nonAscii[random.nextInt(nonAscii.length)]);
            JsonNode reference = treeOrNull(damaged);
            String text = new String(damaged, StandardCharsets.UTF_8);
            boolean treeReadsAList = reference != null && reference.isObject() && reference.path("specifications").isArray();
            if (!treeReadsAList) {
                if (reference == null) {
                    try {
                        RegistrySettings.parse(damaged);
                        org.junit.jupiter.api.Assertions.fail("read a body the tree parser rejects: " + text);
                    } catch (MalformedSettingsException expected) {
                        // as the tree parser
                    }
                    rejected++;
                }
                continue;
            }
            RegistrySettings s = RegistrySettings.parse(damaged);
            List<JsonNode> expected = new ArrayList<>();
            reference.get("specifications").forEach(expected::add);
            assertThat(new ArrayList<>(s.entries())).as(text).isEqualTo(expected);
            // Four top-level names: none was merged into a repeated one, which only the tree reads. Long exponents are
            // left to the tree on purpose.
            if (ascii && expected.stream().allMatch(JsonNode::isObject) && reference.size() == 4
                    && !LONG_EXPONENT.matcher(text).find()) {
                assertThat(s.indexed()).as("fast path for %s", text).isTrue();
                fastPath++;
                assertKeyFieldsAsInTheTree(s, expected, text);
            }
            accepted++;
        }
        // The damage must exercise both outcomes, or the test proves nothing.
        assertThat(accepted).isGreaterThan(500);
        assertThat(rejected).isGreaterThan(2_000);
        assertThat(fastPath).isGreaterThan(300);
    }

    /**
     * Damage to entries whose members and values the pass has learnt from earlier entries (a seeded list, as a Console
     * writes it): a member or value that only looks like the learnt one (a byte changed, cut or inserted inside it or
     * right after it) must be read the strict way, never taken for the learnt bytes.
     */
    @Test
    void damageToLearntMembersAndValuesIsReadExactlyAsTheTreeReadsIt() throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("specifications").addAll(ConsoleSimulator.seedEntries(60));
        byte[] valid = Json.bytes(root);
        int learnt = indexOf(valid, utf8("{\"version\""), valid.length / 3);
        byte[] interesting = utf8(" \t\n\"\\{}[],:-+.0123456789eEtfnu/abx");
        Random random = new Random(60);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 4_000; round++) {
            int at = learnt + random.nextInt(valid.length - learnt);
            byte[] damaged = damage(valid, at, round % 3, interesting[random.nextInt(interesting.length)]);
            JsonNode reference = treeOrNull(damaged);
            String text = new String(damaged, StandardCharsets.UTF_8);
            if (reference == null) {
                byte[] rejectedBody = damaged;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistrySettings.parse(rejectedBody))
                        .as(text).isInstanceOf(MalformedSettingsException.class);
                rejected++;
                continue;
            }
            if (!reference.isObject() || !reference.path("specifications").isArray()) {
                continue;
            }
            RegistrySettings s = RegistrySettings.parse(damaged);
            List<JsonNode> expected = new ArrayList<>();
            reference.get("specifications").forEach(expected::add);
            assertThat(new ArrayList<>(s.entries())).as(text).isEqualTo(expected);
            assertKeyFieldsAsInTheTree(s, expected, text);
            accepted++;
        }
        assertThat(accepted).isGreaterThan(300);
        assertThat(rejected).isGreaterThan(1_500);
        // A value that starts like the learnt one but goes on is still read on the fast path.
        byte[] longer = utf8(body("{\"version\":\"2\",\"cap\":5,\"os\":\"linux\"}", "{\"version\":\"2\",\"cap\":55,\"os\":\"linux\"}",
                "{\"version\":\"2\",\"cap\":5.5,\"os\":\"linux\"}", "{\"version\":\"2\" ,\"cap\": 5 ,\"os\":\"linux\"}"));
        assertAgreesWithTree(longer);
    }

    /** {@code valid} cut off at {@code at} (kind 0), with the byte there replaced by {@code b} (1), or {@code b} inserted there (2). */
    private static byte[] damage(byte[] valid, int at, int kind, byte b) {
        switch (kind) {
            case 0:
                return java.util.Arrays.copyOf(valid, at);
            case 1:
                byte[] replaced = valid.clone();
                replaced[at] = b;
                return replaced;
            default:
                byte[] inserted = new byte[valid.length + 1];
                System.arraycopy(valid, 0, inserted, 0, at);
                inserted[at] = b;
                System.arraycopy(valid, at, inserted, at + 1, valid.length - at);
                return inserted;
        }
    }

    private static void assertKeyFieldsAsInTheTree(RegistrySettings s, List<JsonNode> expected, String text) {
        for (int i = 0; i < expected.size(); i++) {
            for (String field : new String[]{"version", "registry", "repository", "tag"}) {
                JsonNode v = expected.get(i).get(field);
                assertThat(s.text(i, field)).as(text).isEqualTo(v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.asText());
            }
        }
    }

    private static JsonNode treeOrNull(byte[] body) {
        try {
            return Json.parse(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static int indexOf(byte[] body, byte[] what, int from) {
        for (int i = from; i <= body.length - what.length; i++) {
            if (java.util.Arrays.equals(body, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    /**
     * String contents built from the bytes the eight-bytes-at-a-time skip must stop at (quotes, backslashes, control
     * bytes, every kind of UTF-8 lead and continuation byte, valid and not), at every alignment and near the end of
     * the body: the index pass must accept exactly what the tree parser accepts and read the same values.
     */
    @Test
    void stringsWithEveryKindOfByteAtEveryAlignmentAreReadAsTheTreeReadsThem() throws Exception {
        byte[][] pieces = {
            utf8("a"), utf8("Z"), utf8("~"), utf8("/"), utf8(" "), {0x7F}, utf8("\\\""), utf8("\\\\"), utf8("\\n"),
            utf8("\\u00e9"), utf8("\\ud83d\\ude00"), utf8("\\x"), utf8("\\u12"), utf8("\""), utf8("\\"),
            {0x00}, {0x09}, {0x1F}, utf8("é"), utf8("データ"), utf8("😀"), {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xFF},
        };
        Random random = new Random(8);
        int accepted = 0;
        int rejected = 0;
        int indexed = 0;
        for (int round = 0; round < 8_000; round++) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            int length = random.nextInt(24);
            // Mostly plain text, so that one odd byte sits at a random place inside a long run.
            for (int k = 0; k < length; k++) {
                value.writeBytes(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[random.nextInt(3)]);
            }
            String field = new String[]{"repository", "registry", "tag", "other", "x"}[random.nextInt(5)];
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(utf8("{\"specifications\":[{\"version\":\"2\"," + " ".repeat(random.nextInt(8)) + "\"" + field + "\":\""));
            body.writeBytes(value.toByteArray());
            // Sometimes the string is the last thing in the body, where fewer than eight bytes are left to read.
            body.writeBytes(utf8(random.nextBoolean() ? "\"}]}" : "\",\"" + "n".repeat(random.nextInt(10)) + "\":[]}]" + " ".repeat(random.nextInt(9)) + "}"));
            byte[] bytes = body.toByteArray();
            JsonNode reference;
            try {
                reference = Json.parse(bytes);
            } catch (Exception e) {
                reference = null;
            }
            if (reference == null) {
                byte[] rejectedBody = bytes;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistrySettings.parse(rejectedBody))
                        .as(new String(bytes, StandardCharsets.ISO_8859_1)).isInstanceOf(MalformedSettingsException.class);
                rejected++;
                continue;
            }
            RegistrySettings settings = RegistrySettings.parse(bytes);
            JsonNode expected = reference.get("specifications").get(0);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(settings.entry(0)).as(text).isEqualTo(expected);
            JsonNode v = expected.get(field);
            assertThat(settings.text(0, field)).as(text).isEqualTo(v.textValue());
            // Only text the tree reads leniently (a UTF-8 form the index pass is stricter about) may leave the fast path.
            if (settings.indexed()) {
                indexed++;
            } else {
                assertThat(value.toByteArray()).as(text).matches(b -> new String(b, StandardCharsets.UTF_8).contains("\uFFFD")
                        || java.util.stream.IntStream.range(0, b.length).anyMatch(i -> b[i] == (byte) 0xED));
            }
            accepted++;
        }
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(rejected).isGreaterThan(1_000);
        assertThat(indexed).isGreaterThan(1_000);
    }

    private static byte[] bodyOf(List<JsonNode> entries, boolean pretty) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode specs = root.putArray("specifications");
        specs.addAll(entries);
        return pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root) : Json.bytes(root);
    }
}
