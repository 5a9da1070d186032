package io.github.prismaregistry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnregisterIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(2000));

    @Test
    void unregisterRemovesOnlyItsExactEntryAndKeepsTheCoveringWildcardAndAllOthers() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        ObjectNode wildcard = entry(REGISTRY, "team/*");
        ObjectNode pinned = entry(REGISTRY, "team/app");
        pinned.put("tag", "1.0");
        list.add(700, wildcard);
        list.add(1400, entry(REGISTRY, "team/app"));
        list.add(pinned);
        sim.setSpecifications(list);
        List<ObjectNode> expected = new ArrayList<>(sim.specifications());
        expected.remove(1400);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.unregister(RegistrationRequest.builder().image(REGISTRY + "/team/app:9.9").build());
        }

        assertThat(result.action()).isEqualTo(Action.REMOVED);
        assertThat(result.entry()).containsEntry("repository", "team/app").containsEntry("tag", "");
        assertThat(result.entriesBefore()).isEqualTo(2003);
        assertThat(result.entriesAfter()).isEqualTo(2002);
        assertThat(result.backupFile()).isRegularFile();
        assertThat(sim.specifications()).isEqualTo(expected);
        assertThat(writes(sim)).singleElement().satisfies(w -> assertThat(w.method()).isEqualTo("PUT"));
    }

    @Test
    void unregisterRemovesEveryDuplicateOfTheExactEntryAndReportsHowMany() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        list.add(3, entry(REGISTRY, "team/app"));
        list.add(entry("https://" + REGISTRY, "team/app"));
        list.add(entry(REGISTRY, "team/app"));
        sim.setSpecifications(list);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.unregister(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.REMOVED);
        assertThat(result.duplicates()).as("copies beyond the first").isEqualTo(2);
        assertThat(result.warnings()).anyMatch(w -> w.contains("3 entries had exactly this key"));
        assertThat(sim.specifications()).isEqualTo(simulatorSeed(2000));
    }

    @Test
    void unregisterOfAnAbsentEntryWritesNothingEvenWhenAWildcardCoversIt() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        list.add(entry(REGISTRY, "team/*"));
        sim.setSpecifications(list);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.unregister(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.NOT_FOUND);
        assertThat(result.writes()).isZero();
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(2001);
    }

    @Test
    void registerThenUnregisterLeavesTheListAsItWas() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> before = sim.specifications();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
            assertThat(registrar.unregister(repository("team/app").build()).action()).isEqualTo(Action.REMOVED);
        }

        assertThat(sim.specifications()).isEqualTo(before);
    }

    @Test
    void dryRunOfUnregisterWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        List<ObjectNode> list = new ArrayList<>(sim.specifications());
        list.add(entry(REGISTRY, "team/app"));
        sim.setSpecifications(list);

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.unregister(repository("team/app").dryRun(true).build());
        }

        assertThat(result.action()).isEqualTo(Action.DRY_RUN);
        assertThat(result.plannedAction()).isEqualTo(Action.REMOVED);
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(2001);
    }

    private static List<ObjectNode> simulatorSeed(int n) {
        return ConsoleSimulator.seedEntries(n);
    }
}
