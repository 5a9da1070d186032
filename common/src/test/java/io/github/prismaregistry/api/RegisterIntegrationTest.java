package io.github.prismaregistry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(5000));

    @Test
    void registeringARepositoryKeepsAll5000EntriesJsonEqualAndAddsItOnce() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> before = sim.specifications();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(RegistrationRequest.builder().image(REGISTRY + "/team/app:1.4.2").build());
        }

        List<ObjectNode> after = sim.specifications();
        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(after).hasSize(5001);
        assertThat(after.subList(0, 5000)).isEqualTo(before);
        assertThat(count(after, REGISTRY, "team/app")).isEqualTo(1);
        assertThat(Json.text(after.get(5000))).isEqualTo("{\"version\":\"2\",\"registry\":\"ci.example.test\",\"repository\":\"team/app\","
                + "\"tag\":\"\",\"os\":\"linux\",\"cap\":5,\"scanners\":2,\"collections\":[\"All\"]}");
        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.method()).isEqualTo("POST"));
    }

    @Test
    void theListIsIndexedWhileItArrivesAndTheVerifyingReadReusesIt() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/arriving").build()).action()).isEqualTo(Action.ADDED);
        }
        List<String> reads = log.lines().stream().filter(l -> l.startsWith("DEBUG GET ") && l.contains("settings/registry")).toList();
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0)).contains("indexed while it arrived");
        assertThat(reads.get(1)).doesNotContain("indexed while it arrived");
        assertThat(sim.entryCount()).isEqualTo(5001);
    }

    @Test
    void registeringAgainWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/app").build());
            sim.clearRequests();

            RegistrationResult again = registrar.register(repository("team/app").build());

            assertThat(again.action()).isEqualTo(Action.ALREADY_COVERED);
            assertThat(again.writes()).isZero();
            assertThat(again.changed()).isFalse();
            assertThat(again.backupFile()).isNull();
            assertThat(again.coveringEntry()).containsEntry("repository", "team/app");
        }
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(5001);
    }

    @Test
    void repositoryCoveredByAWildcardEntryWritesNothingAndNamesTheCoveringEntry() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        ObjectNode wildcard = entry("https://" + REGISTRY + "/", "team/*");
        wildcard.put("x-owner", "platform");
        list.add(wildcard);
        sim.setSpecifications(list);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(RegistrationRequest.builder().image(REGISTRY + "/team/app:2").build());
        }

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(result.coveringEntry()).containsEntry("repository", "team/*").containsEntry("x-owner", "platform");
        assertThat(result.summaryLines()).anyMatch(l -> l.contains("covered by existing entry") && l.contains("team/*"));
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void repositoryCoveredByAnEmptyRepositoryEntryWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        // Seeded entry 9 scans every repository of registry.example.com:5000.

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(RegistrationRequest.builder().image("registry.example.com:5000/brand/new-app:7").build());
        }

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(result.coveringEntry()).containsEntry("registry", "registry.example.com:5000").containsEntry("repository", "");
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void scanLaterTrueArrivesAsTheQueryParameterOfTheWrite() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            RegistrationResult r = registrar.register(repository("team/later").scanLater(true).build());
            assertThat(r.scanLater()).isTrue();
        }

        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.queryParameter("scanLater")).isEqualTo("true"));
    }

    @Test
    void scanLaterFalseArrivesAsTheQueryParameterOfTheWrite() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/now").build());
        }

        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.queryParameter("scanLater")).isEqualTo("false"));
        assertThat(sim.scansStarted()).isEqualTo(1);
    }

    @Test
    void dryRunWritesNothingAndReportsThePlan() throws Exception {
        ConsoleSimulator sim = simulator.get();
        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/dry").dryRun(true).build());
        }

        assertThat(result.action()).isEqualTo(Action.DRY_RUN);
        assertThat(result.plannedAction()).isEqualTo(Action.ADDED);
        assertThat(result.entry()).containsEntry("repository", "team/dry");
        assertThat(result.entriesBefore()).isEqualTo(5000);
        assertThat(result.entriesAfter()).isEqualTo(5000);
        assertThat(result.writes()).isZero();
        assertThat(result.summaryLines().get(0)).contains("DRY RUN, would be ADDED");
        assertThat(writes(sim)).isEmpty();
        assertThat(backups).isEmptyDirectory();
    }

    @Test
    void updateExistingChangesOnlyTheManagedFieldsAndKeepsEveryOtherEntry() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        ObjectNode mine = entry(REGISTRY, "team/app");
        mine.put("id", "spec-42");
        mine.put("caCert", "PEM");
        mine.putObject("futureField").put("kept", true);
        list.add(2500, mine);
        sim.setSpecifications(list);
        List<ObjectNode> before = sim.specifications();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").cap(0).scanners(4).updateExisting(true).build());
        }

        List<ObjectNode> after = sim.specifications();
        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(after).hasSize(5001);
        ObjectNode expected = mine.deepCopy();
        expected.put("cap", 0);
        expected.put("scanners", 4);
        assertThat(Json.text(after.get(2500))).isEqualTo(Json.text(expected));
        for (int i = 0; i < after.size(); i++) {
            if (i != 2500) {
                assertThat(after.get(i)).isEqualTo(before.get(i));
            }
        }
        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.method()).isEqualTo("PUT"));
    }

    @Test
    void withoutUpdateExistingADifferentExactEntryIsLeftAlone() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        list.add(entry(REGISTRY, "team/app"));
        sim.setSpecifications(list);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").cap(0).build());
        }

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(sim.specifications().get(5000).get("cap").intValue()).isEqualTo(5);
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aCoveringEntryWithOtherSettingsSaysWhichDifferAndNamesUpdateExisting() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));

        RegistrationResult result = register(sim, repository("team/app").cap(10).os("windows").scanners(2).build());

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(result.warnings()).singleElement().asString()
                .contains("differs from what was asked: os 'linux' (asked: 'windows'), cap 5 (asked: 10).")
                .contains("Set updateExisting to true to change those fields")
                .doesNotContain("scanners");
        assertThat(log.warnings()).anyMatch(w -> w.contains("cap 5 (asked: 10)"));
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aCoveringPatternEntryWithOtherSettingsIsNotOursToUpdateAndTheMessageSaysSo() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/*"));

        RegistrationResult result = register(sim, repository("team/app").cap(0).build());

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(result.warnings()).singleElement().asString()
                .contains("cap 5 (asked: 0)")
                .contains("updateExisting leaves it as it is");
    }

    @Test
    void aCoveringEntryAsAskedNeedsNoExplanation() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));

        assertThat(register(sim, repository("team/app").cap(5).os("linux").build()).warnings()).isEmpty();
    }

    @Test
    void duplicatesCountsTheCopiesBeyondTheFirst() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/twice"), entry(REGISTRY, "team/twice"));

        RegistrationResult result = register(sim, repository("team/twice").build());

        assertThat(result.action()).isEqualTo(Action.ALREADY_COVERED);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.toMap()).containsEntry("duplicates", 1);
        assertThat(result.summaryLines()).anyMatch(l -> l.contains("1 extra copy of this entry exists"));
    }

    @Test
    void resultReportsCountsVersionsAndAnOwnerOnlyBackupOfTheSettingsRead() throws Exception {
        ConsoleSimulator sim = simulator.get();
        String bodyBefore = Json.text(Json.MAPPER.valueToTree(sim.specifications()));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.entriesBefore()).isEqualTo(5000);
        assertThat(result.entriesAfter()).isEqualTo(5001);
        assertThat(result.writes()).isEqualTo(1);
        assertThat(result.duplicates()).as("only our own entry exists: no extra copy").isZero();
        assertThat(result.toMap()).containsEntry("duplicates", 0);
        assertThat(result.summaryLines()).noneMatch(l -> l.contains("extra cop"));
        assertThat(result.consoleUrl()).isEqualTo(sim.url());
        assertThat(result.consoleVersion()).isEqualTo("34.04.145");
        assertThat(result.apiVersion()).isEqualTo("v34.04");
        assertThat(result.duration()).isPositive();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.backupFile()).isRegularFile().hasParent(backups);
        assertThat(result.backupFile().getFileName().toString()).matches("prisma-registry-backup-\\d{8}T\\d{6}Z-[0-9a-f]{8}\\.json");
        assertThat(Json.text(Json.MAPPER.readTree(result.backupFile().toFile()).get("specifications"))).isEqualTo(bodyBefore);
        if (Files.getFileStore(result.backupFile()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.backupFile()))).isEqualTo("rw-------");
        }
        assertThat(result.toMap()).containsEntry("action", "ADDED").containsEntry("writes", 1)
                .containsEntry("backupFile", result.backupFile().toString());
    }

    @Test
    void dockerHubImageIsRegisteredWithAnEmptyRegistryAndTheLibraryPrefix() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.seed(0);

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(RegistrationRequest.builder().image("docker.io/ubuntu:24.04").build()).action())
                    .isEqualTo(Action.ADDED);
            assertThat(registrar.register(RegistrationRequest.builder().image("ubuntu").build()).action())
                    .isEqualTo(Action.ALREADY_COVERED);
        }

        assertThat(sim.specifications()).singleElement().satisfies(e -> {
            assertThat(e.get("registry").asText()).isEmpty();
            assertThat(e.get("repository").asText()).isEqualTo("library/ubuntu");
            assertThat(e.get("version").asText()).isEqualTo("2");
        });
    }

    @Test
    void theFirstEntryOnAnEmptyConsoleIsAdded() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.seed(0);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/first").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.entriesBefore()).isZero();
        assertThat(sim.entryCount()).isEqualTo(1);
        List<RecordedRequest> w = writes(sim);
        assertThat(w).hasSize(1);
    }

    private RegistrationResult register(ConsoleSimulator sim, RegistrationRequest request) throws Exception {
        try (RegistryRegistrar registrar = registrar(sim)) {
            return registrar.register(request);
        }
    }
}
