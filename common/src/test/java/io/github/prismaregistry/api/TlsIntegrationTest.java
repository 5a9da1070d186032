package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().tls(true).seed(50));

    @Test
    void anUntrustedCertificateIsReportedWithTheFixAndNothingIsWritten() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(UntrustedCertificateException.class)
                    .hasMessageContaining(sim.url())
                    .hasMessageContaining("caCertificate")
                    .hasMessageContaining("skipTlsVerify");
        }
        assertThat(sim.entryCount()).isEqualTo(50);
    }

    @Test
    void plainHttpToTheHttpsPortSaysToUseHttpsWithoutPrintingTheTlsBytes() throws Exception {
        ConsoleSimulator sim = simulator.get();
        String plain = sim.url().replaceFirst("^https:", "http:");

        try (RegistryRegistrar registrar = registrar(ConsoleConnection.builder(plain)
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin")).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleUnreachableException.class)
                    .hasMessageContaining("use https://")
                    .hasMessageContaining(sim.url())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
        }
        assertThat(sim.entryCount()).isEqualTo(50);
    }

    @Test
    void theConsolesCaFileMakesTheConnectionTrusted() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).caCertificateFile(sim.caCertificateFile()).build())) {
            RegistrationResult result = registrar.register(repository("team/app").build());
            assertThat(result.action()).isEqualTo(Action.ADDED);
            assertThat(result.warnings()).isEmpty();
        }
        assertThat(sim.entryCount()).isEqualTo(51);
    }

    @Test
    void theConsolesCaAsPemTextMakesTheConnectionTrusted() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).caCertificatePem("CA of the console:\n" + sim.caCertificatePem()).build())) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
        }
    }

    @Test
    void skippingVerificationWorksOnlyAsAnOptInAndWarnsOnEveryRun() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).insecureSkipTlsVerify(true).build())) {
            RegistrationResult first = registrar.register(repository("team/app").build());
            RegistrationResult second = registrar.register(repository("team/app").build());

            assertThat(first.action()).isEqualTo(Action.ADDED);
            assertThat(second.action()).isEqualTo(Action.ALREADY_COVERED);
            assertThat(first.warnings()).anyMatch(w -> w.contains("TLS certificate verification is OFF"));
            assertThat(second.warnings()).anyMatch(w -> w.contains("TLS certificate verification is OFF"));
        }
        assertThat(log.warnings()).filteredOn(w -> w.contains("verification is OFF")).hasSize(2);
    }
}
