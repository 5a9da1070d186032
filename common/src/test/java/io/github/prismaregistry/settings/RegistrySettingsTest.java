package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrySettingsTest {

    private static final String ODD_ENTRY = "{\"registry\":\"r.example\",\"version\":\"2\",\"cap\":0,\"scanners\":1.50,"
            + "\"repository\":\"équipe/データ\",\"caCert\":\"-----BEGIN CERTIFICATE-----\\nAAA\\n\",\"futureField\":{\"n\":[1,2.0,null]},"
            + "\"big\":123456789012345678901234567890,\"id\":\"abc\",\"credential\":{\"_id\":\"c\",\"secret\":{\"encrypted\":\"x\"}}}";

    private static byte[] body(String... entries) {
        return ("{\"webhookUrlSuffix\":\"abc123\",\"specifications\":[" + String.join(",", entries)
                + "],\"harborScannerUrlSuffix\":\"harbor/xyz\",\"newTopLevel\":true}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putBodyPassesUntouchedEntriesThroughByteForByte() throws Exception {
        RegistrySettings s = RegistrySettings.parse(body(ODD_ENTRY, "{\"version\":\"aws\"}"));
        List<JsonNode> next = new ArrayList<>(s.entries());
        next.add(Json.MAPPER.readTree("{\"version\":\"2\",\"repository\":\"new\"}"));

        String put = new String(s.putBody(next), StandardCharsets.UTF_8);

        assertThat(put).isEqualTo("{\"webhookUrlSuffix\":\"abc123\",\"specifications\":[" + ODD_ENTRY
                + ",{\"version\":\"aws\"},{\"version\":\"2\",\"repository\":\"new\"}],\"harborScannerUrlSuffix\":\"harbor/xyz\",\"newTopLevel\":true}");
    }

    @Test
    void missingOrNullSpecificationsMeanAnEmptyList() throws Exception {
        assertThat(RegistrySettings.parse("{\"specifications\":null}".getBytes(StandardCharsets.UTF_8)).size()).isZero();
        assertThat(RegistrySettings.parse("{}".getBytes(StandardCharsets.UTF_8)).size()).isZero();
    }

    @Test
    void truncatedHtmlOrNonObjectBodiesAreRejected() {
        String full = new String(body(ODD_ENTRY), StandardCharsets.UTF_8);
        for (String bad : new String[]{full.substring(0, full.length() / 2), "<html>login</html>", "[]", "", "{\"specifications\":{}}",
                full + " trailing"}) {
            assertThatThrownBy(() -> RegistrySettings.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(MalformedSettingsException.class);
        }
    }

    @Test
    void rawBodyIsKeptForTheBackup() throws Exception {
        byte[] raw = body(ODD_ENTRY);

        assertThat(RegistrySettings.parse(raw).rawBody()).isEqualTo(raw);
    }

    @Test
    void vanishedEntriesAreCountedAsAMultisetIgnoringScanStatusChanges() throws Exception {
        ObjectNode a = (ObjectNode) Json.MAPPER.readTree("{\"repository\":\"a\",\"scanStatus\":\"running\"}");
        ObjectNode aScanned = (ObjectNode) Json.MAPPER.readTree("{\"repository\":\"a\",\"scanStatus\":\"completed\",\"lastScanTime\":\"t\"}");
        ObjectNode b = (ObjectNode) Json.MAPPER.readTree("{\"repository\":\"b\"}");

        assertThat(EntryIdentity.vanished(List.of(a, b, b), List.of(b, aScanned))).containsExactly(b);
        assertThat(EntryIdentity.vanished(List.of(a, b), List.of(b, aScanned, b))).isEmpty();
        assertThat(EntryIdentity.vanished(List.of(a), List.of((ObjectNode) Json.MAPPER.readTree("{\"repository\":\"a\",\"cap\":1}"))))
                .containsExactly(a);
    }
}
