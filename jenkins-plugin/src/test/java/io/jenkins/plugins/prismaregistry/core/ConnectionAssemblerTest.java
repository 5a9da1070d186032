package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionAssemblerTest {

    private static final ConsoleCredentials LOGIN = ConsoleCredentials.usernamePassword("ci", "pw");

    private static ConsoleConnection assemble(ParameterSource source, ProxySettings proxy) throws InvalidRequestException {
        return ConnectionAssembler.assemble(ParameterReader.read(source, ParameterNaming.JENKINS, Operation.REGISTER),
                LOGIN, proxy, "ua/1");
    }

    @Test
    void globalSettingsBecomeTheConnection() throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder()
                .consoleUrl("https://console.example.com:8083/")
                .apiVersion("v34.03")
                .project("team-a")
                .caCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                .skipTlsVerify(true)
                .connectTimeoutSeconds(5)
                .readTimeoutSeconds(120)
                .retries(0)
                .build();
        ProxySettings proxy = ProxySettings.builder("proxy.example.com", 3128).build();

        ConsoleConnection connection = assemble(settings, proxy);

        assertThat(connection.consoleUrl()).isEqualTo("https://console.example.com:8083");
        assertThat(connection.apiVersion()).isEqualTo("v34.03");
        assertThat(connection.project()).isEqualTo("team-a");
        assertThat(connection.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(connection.insecureSkipTlsVerify()).isTrue();
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(connection.readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(connection.retries()).isZero();
        assertThat(connection.credentials()).isSameAs(LOGIN);
        assertThat(connection.proxy()).isSameAs(proxy);
        assertThat(connection.userAgent()).isEqualTo("ua/1");
        assertThat(connection.naming()).isSameAs(ParameterNaming.JENKINS);
    }

    @Test
    void theStepsConsoleUrlOverridesTheGlobalOne() throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder().consoleUrl("https://global.example.com").build();

        ConsoleConnection connection = assemble(new StepArguments().consoleUrl("https://step.example.com").orElse(settings),
                null);

        assertThat(connection.consoleUrl()).isEqualTo("https://step.example.com");
        assertThat(connection.proxy()).isNull();
    }

    @Test
    void aMissingConsoleUrlIsAConfigurationMistakeNamingTheParameterAndWhereToSetIt() {
        ConnectionSettings settings = ConnectionSettings.builder().build();

        assertThatThrownBy(() -> assemble(new StepArguments().consoleUrl(" ").orElse(settings), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Manage Jenkins")
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).isEqualTo("consoleUrl"));
    }

    @Test
    void unsetNumbersGetTheDefaults() throws Exception {
        ConsoleConnection connection = assemble(ConnectionSettings.builder().consoleUrl("https://c").build(), null);

        assertThat(connection.connectTimeout()).isEqualTo(ConsoleConnection.DEFAULT_CONNECT_TIMEOUT);
        assertThat(connection.readTimeout()).isEqualTo(ConsoleConnection.DEFAULT_READ_TIMEOUT);
        assertThat(connection.retries()).isEqualTo(ConsoleConnection.DEFAULT_RETRIES);
    }

    @Test
    void aNegativeTimeoutTypedIntoTheTestConnectionFormIsShownInSeconds() {
        assertThatThrownBy(() -> assemble(ConnectionSettings.builder().consoleUrl("https://c").readTimeoutSeconds("-5")
                .build(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("readTimeout must be between 1 and 3600 seconds, was -5 seconds");
    }
}
