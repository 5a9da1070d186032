package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.RecordedRequest;
import io.github.prismaregistry.simulator.ScanStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Which scans a write starts: a full-list PUT never rescans every registry; an updated entry is scanned alone. */
class ScanStartsIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(200)
            .userWithPermissions("ci", "ci-password", ConsoleSimulator.PERMISSION_POLICY_CONTAINERS));

    @Test
    void unregisterPutsTheListWithScanLaterTrueAndStartsNoScan() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));
        sim.clearScanStarts();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.unregister(repository("team/app").build()).action()).isEqualTo(Action.REMOVED);
        }

        assertThat(writes(sim)).singleElement().satisfies(put -> assertThat(put.queryParameter("scanLater")).isEqualTo("true"));
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void anUpdateThatShouldBeScannedAsksForAScanOfThatEntryAlone() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));
        sim.clearScanStarts();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").cap(0).updateExisting(true).build()).action())
                    .isEqualTo(Action.UPDATED);
        }

        assertThat(writes(sim)).singleElement().satisfies(put -> assertThat(put.queryParameter("scanLater")).isEqualTo("true"));
        assertThat(sim.scanStarts()).singleElement().satisfies(scan -> {
            assertThat(scan.scope()).isEqualTo(ScanStart.Scope.SPECIFICATION);
            assertThat(scan.registry()).isEqualTo(REGISTRY);
            assertThat(scan.repository()).isEqualTo("team/app");
        });
        RecordedRequest scanRequest = sim.requests("POST", "registry/scan").get(0);
        assertThat(scanRequest.body()).contains("\"settings\":{").contains("\"cap\":0");
    }

    @Test
    void anUpdateWithScanLaterStartsNoScanAtAll() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));
        sim.clearScanStarts();

        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/app").cap(0).updateExisting(true).scanLater(true).build());
        }

        assertThat(sim.scanStarts()).isEmpty();
        assertThat(sim.requests("POST", "registry/scan")).isEmpty();
    }

    @Test
    void anAddOnAConsoleWithoutPostIsAlsoScannedAlone() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.refusePost(true);

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/new").build()).action()).isEqualTo(Action.ADDED);
        }

        assertThat(sim.scanStarts()).singleElement().satisfies(scan -> {
            assertThat(scan.scope()).isEqualTo(ScanStart.Scope.SPECIFICATION);
            assertThat(scan.repository()).isEqualTo("team/new");
        });
    }

    @Test
    void withoutPermissionToScanTheUpdateStaysAndAWarningSaysTheScanWasNotStarted() throws Exception {
        ConsoleSimulator sim = simulator.get();
        append(sim, entry(REGISTRY, "team/app"));
        sim.clearScanStarts();
        ConsoleConnection ci = connection(sim).credentials(ConsoleCredentials.usernamePassword("ci", "ci-password")).build();

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(ci)) {
            result = registrar.register(repository("team/app").cap(0).updateExisting(true).build());
        }

        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(result.warnings()).singleElement().asString()
                .contains("is saved, but its scan was not started")
                .contains("monitorImages");
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void aNewEntryIsStillPostedWithTheScanLaterAsked() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.clearScanStarts();

        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/fresh").build());
        }

        assertThat(writes(sim)).singleElement().satisfies(post -> {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.queryParameter("scanLater")).isEqualTo("false");
        });
        assertThat(sim.scanStarts()).singleElement().satisfies(scan -> assertThat(scan.scope()).isEqualTo(ScanStart.Scope.SETTINGS_WRITE));
    }
}
