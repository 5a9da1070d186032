package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistyped project or credential ID fails before anything is written, whatever the Console would do with it. */
class ConsoleLookupsIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(20)
            .projects("Payments", "Team A")
            .userWithPermissions("ci", "ci-password", ConsoleSimulator.PERMISSION_POLICY_CONTAINERS));

    @Test
    void aMistypedProjectIsRefusedNamingTheProjectsTheConsoleHas() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).project("payments").build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo("project"))
                    .hasMessageContaining("has no project 'payments'")
                    .hasMessageContaining("it has 'Payments': names are case-sensitive")
                    .hasMessageContaining("'Central Console', 'Payments', 'Team A'");
        }
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.requests()).noneMatch(r -> "settings/registry".equals(r.endpoint()));
        assertThat(sim.entryCount("payments")).isZero();
    }

    @Test
    void aKnownProjectIsCheckedOnceAndUsed() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).project("Payments").build())) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
            assertThat(registrar.register(repository("team/other").build()).action()).isEqualTo(Action.ADDED);
        }
        assertThat(sim.entryCount("Payments")).isEqualTo(2);
        assertThat(sim.requests()).filteredOn(r -> "current/projects".equals(r.endpoint())).hasSize(1);
    }

    @Test
    void anUnknownRegistryCredentialIdIsRefusedBeforeWritingAndTheKnownOnesAreNamed() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").registryCredentialId("harbor-robo").build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("registryCredentialId"))
                    .hasMessageContaining("has no credential 'harbor-robo'")
                    .hasMessageContaining("'harbor-robot'")
                    .hasMessageContaining("Nothing was written");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aKnownRegistryCredentialIdIsWrittenAsCredentialId() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").registryCredentialId("harbor-robot").build()).action())
                    .isEqualTo(Action.ADDED);
        }
        assertThat(sim.specifications().get(20).get("credentialID").asText()).isEqualTo("harbor-robot");
    }

    @Test
    void withoutPermissionToReadTheStoreTheIdIsSentAndTheLogSaysItWasNotChecked() throws Exception {
        ConsoleSimulator sim = simulator.get();
        ConsoleConnection ci = connection(sim).credentials(ConsoleCredentials.usernamePassword("ci", "ci-password")).build();

        try (RegistryRegistrar registrar = registrar(ci)) {
            assertThat(registrar.register(repository("team/app").registryCredentialId("not-checked").build()).action())
                    .isEqualTo(Action.ADDED);
        }
        assertThat(log.lines()).anyMatch(l -> l.contains("Could not look up credential 'not-checked'"));
    }
}
