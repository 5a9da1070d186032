package io.github.prismaregistry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    private static final List<ObjectNode> FULL = ConsoleSimulator.seedEntries(ConsoleSimulator.DEFAULT_MAX_ENTRIES);

    private static boolean hasNonAscii(JsonNode entry) {
        String text = entry.toString();
        return text.getBytes(StandardCharsets.UTF_8).length != text.length();
    }

    @Test
    void seedingIsDeterministicAndSmallerSeedsArePrefixes() {
        assertThat(ConsoleSimulator.seedEntries(19_999)).isEqualTo(FULL);
        assertThat(ConsoleSimulator.seedEntries(300)).isEqualTo(FULL.subList(0, 300));
        assertThat(ConsoleSimulator.seedEntries(0)).isEmpty();
    }

    @Test
    void entriesAreUniqueByTypeRegistryRepositoryAndTag() {
        Set<String> keys = new HashSet<>();
        for (ObjectNode entry : FULL) {
            keys.add(entry.get("version").asText() + "\u0000" + entry.get("registry").asText() + "\u0000"
                    + entry.get("repository").asText() + "\u0000" + entry.get("tag").asText());
        }
        assertThat(keys).hasSize(19_999);
    }

    @Test
    void firstHundredEntriesAlreadyCoverEveryShapeTestsNeed() {
        List<ObjectNode> entries = ConsoleSimulator.seedEntries(100);

        assertThat(entries.stream().map(entry -> entry.get("version").asText()).collect(Collectors.toSet()))
                .contains("2", "aws", "azure", "gcr", "gitlab", "harbor", "jfrog", "sonatype", "bluemix");
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("version").asText()).isEqualTo("2");
            assertThat(entry.get("registry").asText()).isEmpty();
            assertThat(entry.get("repository").asText()).startsWith("library/");
        });
        assertThat(entries).extracting(entry -> entry.get("repository").asText()).contains("team-a/*", "*", "");
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("registry").asText())
                .matches("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("registry").asText()).endsWith(".azurecr.io"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("cap").asInt()).isZero());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.path("gitlabRegistrySpec").isObject()).isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.path("jfrogRepoTypes").isArray()).isTrue());
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("version").asText()).isEqualTo("bluemix");
            assertThat(entry.get("namespace").asText()).isNotEmpty();
        });
        assertThat(entries).anySatisfy(entry -> assertThat(entry.has("caCert")).isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.has("lastScanStatus")).isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.has("x-team-owner")).isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.path("x-metadata").path("labels").isObject())
                .isTrue());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("repository").asText()).contains("équipe"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("repository").asText()).contains("テスト"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("tag").asText()).isNotEmpty());
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("os").asText()).isEqualTo("windows"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("excludedRepositories")).isNotEmpty());
        assertThat(entries.stream().filter(entry -> entry.has("id")).count()).isGreaterThan(80).isLessThan(100);
        assertThat(entries.stream().filter(SeedDataTest::hasNonAscii).count()).isGreaterThan(5);
    }

    @Test
    void everyEntryHasTheDocumentedCoreFieldsWithTheirTypes() {
        assertThat(FULL).allSatisfy(entry -> {
            assertThat(entry.get("version").isTextual()).isTrue();
            assertThat(entry.get("registry").isTextual()).isTrue();
            assertThat(entry.get("repository").isTextual()).isTrue();
            assertThat(entry.get("tag").isTextual()).isTrue();
            assertThat(entry.get("cap").isInt()).isTrue();
            assertThat(entry.get("scanners").isInt()).isTrue();
            assertThat(entry.path("collections").isArray()).isTrue();
            assertThat(entry.get("credentialID").isTextual()).isTrue();
            assertThat(ConsoleApi.typeError(entry)).isNull();
        });
    }

    @Test
    void seededEntriesSurviveAJsonRoundTripUnchanged() throws Exception {
        for (ObjectNode entry : FULL.subList(0, 500)) {
            assertThat(ConsoleSimulator.normalised(entry)).isEqualTo(entry);
        }
    }

    @Test
    void seedReplacesTheDefaultProjectOnARunningSimulator() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().seed(10).start()) {
            sim.seed(25);
            assertThat(sim.entryCount()).isEqualTo(25);
            assertThat(sim.specifications()).isEqualTo(FULL.subList(0, 25));
        }
    }
}
