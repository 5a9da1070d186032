package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A registration tells the build log what it did in a few lines (debug detail aside). */
class LogOutputTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(10));

    @Test
    void aRegistrationLogsAFewInformativeLines() throws Exception {
        ConsoleSimulator sim = simulator.get();
        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        var info = log.lines().stream().filter(l -> !l.startsWith("DEBUG")).toList();
        info.forEach(System.out::println);
        result.summaryLines().forEach(System.out::println);
        assertThat(info).hasSizeBetween(3, 6);
        assertThat(info.get(0)).contains("Read 10 registry scan entries from " + sim.url()).contains("34.04.145").contains("v34.04");
        assertThat(info).anyMatch(l -> l.contains("Adding [2] ci.example.test/team/app (POST, scanLater=false)"));
        assertThat(info).anyMatch(l -> l.contains("Added [2] ci.example.test/team/app and verified it; 11 entries now."));
    }
}
