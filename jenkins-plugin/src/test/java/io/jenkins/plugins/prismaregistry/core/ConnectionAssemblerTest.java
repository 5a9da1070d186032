package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionAssemblerTest {

    private static final ConsoleCredentials LOGIN = ConsoleCredentials.usernamePassword("ci", "pw");

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

        ConsoleConnection connection = ConnectionAssembler.assemble(settings, null, LOGIN, proxy, "ua/1");

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
    }

    @Test
    void theStepsConsoleUrlOverridesTheGlobalOne() throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder().consoleUrl("https://global.example.com").build();

        ConsoleConnection connection = ConnectionAssembler.assemble(settings, "https://step.example.com", LOGIN, null, "ua");

        assertThat(connection.consoleUrl()).isEqualTo("https://step.example.com");
        assertThat(connection.proxy()).isNull();
    }

    @Test
    void aMissingConsoleUrlIsAConfigurationMistakeNamingTheParameterAndWhereToSetIt() {
        ConnectionSettings settings = ConnectionSettings.builder().build();

        assertThatThrownBy(() -> ConnectionAssembler.assemble(settings, " ", LOGIN, null, "ua"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Manage Jenkins")
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).isEqualTo("consoleUrl"));
    }

    @Test
    void unsetNumbersGetTheEngineDefaults() throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder().consoleUrl("https://c").connectTimeoutSeconds(0)
                .readTimeoutSeconds(-1).retries(-1).build();

        ConsoleConnection connection = ConnectionAssembler.assemble(settings, null, LOGIN, null, "ua");

        assertThat(connection.connectTimeout()).isEqualTo(ConsoleConnection.DEFAULT_CONNECT_TIMEOUT);
        assertThat(connection.readTimeout()).isEqualTo(ConsoleConnection.DEFAULT_READ_TIMEOUT);
        assertThat(connection.retries()).isEqualTo(ConsoleConnection.DEFAULT_RETRIES);
    }
}
