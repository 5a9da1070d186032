package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionCheckTest {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", "ci-pw").apiToken("static-token").seed(12));

    private ConsoleConnection connection(ConsoleCredentials credentials) throws Exception {
        return ConnectionAssembler.assemble(ParameterReader.read(ConnectionSettings.builder()
                .consoleUrl(simulator.get().url()).retries(0).build(), ParameterNaming.JENKINS, Operation.REGISTER),
                credentials, null, "test");
    }

    @Test
    void reportsTheConsoleVersionAndHowManyEntriesItHasWithoutWriting() throws Exception {
        String summary = ConnectionCheck.check(connection(ConsoleCredentials.usernamePassword("ci", "ci-pw")));

        assertThat(summary).contains("Console " + ConsoleSimulator.DEFAULT_CONSOLE_VERSION).contains("12 registry scan entries")
                .contains("user 'ci'");
        assertThat(simulator.get().writeCount()).isZero();
        assertThat(simulator.get().entryCount()).isEqualTo(12);
    }

    @Test
    void worksWithAnApiToken() throws Exception {
        assertThat(ConnectionCheck.check(connection(ConsoleCredentials.token("static-token")))).contains("API token");
    }

    @Test
    void aWrongPasswordIsReportedAsAnAuthenticationFailure() {
        assertThatThrownBy(() -> ConnectionCheck.check(connection(ConsoleCredentials.usernamePassword("ci", "nope"))))
                .isInstanceOf(ConsoleAuthenticationException.class)
                .hasMessageNotContaining("nope");
    }
}
