package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterReaderTest {

    private static ParameterSource source(Map<String, ?> raw) {
        return ParameterSource.of(raw);
    }

    @Test
    void buildsTheRequestFromRawValues() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of(
                "image", " registry.example.com/team/app:1.2 ", "cap", "0", "collections", "prod,payments",
                "scanLater", "TRUE", "updateExisting", "true", "os", "Windows", "tag", "release-*")),
                ParameterNaming.JENKINS, Operation.REGISTER);

        RegistrationRequest request = values.registrationRequest().build();

        assertThat(request.image()).isEqualTo("registry.example.com/team/app:1.2");
        assertThat(request.cap()).isZero();
        assertThat(request.collections()).containsExactly("prod", "payments");
        assertThat(request.scanLater()).isTrue();
        assertThat(request.updateExisting()).isTrue();
        assertThat(request.os()).isEqualTo("windows");
        assertThat(request.tag()).isEqualTo("release-*");
        assertThat(request.dryRun()).isFalse();
    }

    @Test
    void unsetEntryFieldsStayUnsetSoTheEngineKnowsWhatWasAskedFor() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("image", "team/app")),
                ParameterNaming.PLAIN, Operation.REGISTER);
        RegistrationRequest request = values.registrationRequest().build();

        assertThat(request.cap()).isNull();
        assertThat(request.os()).isNull();
        assertThat(request.collections()).isNull();
        assertThat(values.get(Parameters.CAP)).isEqualTo(5);
        assertThat(values.isSet(Parameters.CAP)).isFalse();
        assertThat(values.isSet(Parameters.IMAGE)).isTrue();
        assertThat(values.setParameters()).containsExactly(Parameters.IMAGE);
    }

    @Test
    void unregisterNeverAsksForAnUpdate() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("image", "team/app", "updateExisting", "yes")),
                ParameterNaming.PLAIN, Operation.UNREGISTER);

        assertThat(values.registrationRequest().build().updateExisting()).isFalse();
        assertThatThrownBy(() -> values.get(Parameters.UPDATE_EXISTING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("updateExisting is not a parameter of unregister");
    }

    @Test
    void aBadValueFailsTheWholeReadNamingTheParameter() {
        assertThatThrownBy(() -> ParameterReader.read(source(Map.of("image", "team/app", "scanLater", "yes")),
                ParameterNaming.MAVEN, Operation.REGISTER))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo("scanLater"))
                .hasMessage("<scanLater> / -DprismaRegistry.scanLater must be true or false, was 'yes'");
    }

    @Test
    void scanReadsTheGateParameters() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("failOnSeverity", "HIGH", "ignoreUnfixed", "true",
                "ignoredVulnerabilities", "CVE-2023-1, CVE-2023-2", "scanTimeout", "120", "pollInterval", "2",
                "failOnConsoleBlock", "false")), ParameterNaming.CLI, Operation.SCAN);

        assertThat(values.get(Parameters.FAIL_ON_SEVERITY)).isEqualTo("high");
        assertThat(values.get(Parameters.IGNORE_UNFIXED)).isTrue();
        assertThat(values.get(Parameters.IGNORED_VULNERABILITIES)).containsExactly("CVE-2023-1", "CVE-2023-2");
        assertThat(values.get(Parameters.SCAN_TIMEOUT)).isEqualTo(Duration.ofSeconds(120));
        assertThat(values.get(Parameters.POLL_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(values.get(Parameters.FAIL_ON_CONSOLE_BLOCK)).isFalse();
        assertThat(values.operation()).isEqualTo(Operation.SCAN);
        assertThat(values.naming()).isSameAs(ParameterNaming.CLI);
    }

    @Test
    void scanIgnoresEntryOnlyParametersItDoesNotRead() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("cap", "not a number", "pollInterval", "1")),
                ParameterNaming.CLI, Operation.SCAN);

        assertThat(values.get(Parameters.POLL_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void buildsTheConnectionWithSecondsAndDiscovery() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("consoleUrl", "https://console.example.com:8083/",
                "apiVersion", "Discover", "project", "payments", "connectTimeout", "3", "readTimeout", "7s",
                "retries", "0", "skipTlsVerify", "false", "caCertificate", "certs/ca.pem")),
                ParameterNaming.JENKINS, Operation.UNREGISTER);

        ConsoleConnection connection = values.consoleConnection().build();

        assertThat(connection.consoleUrl()).isEqualTo("https://console.example.com:8083");
        assertThat(connection.apiVersion()).isNull();
        assertThat(connection.project()).isEqualTo("payments");
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(connection.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(connection.retries()).isZero();
        assertThat(connection.insecureSkipTlsVerify()).isFalse();
        assertThat(connection.caCertificateFile()).isEqualTo(Path.of("certs/ca.pem"));
        assertThat(connection.caCertificatePem()).isNull();
    }

    @Test
    void unsetConnectionValuesTakeTheDefaults() throws InvalidRequestException {
        ConsoleConnection connection = ParameterReader.read(ParameterSource.empty(), ParameterNaming.PLAIN,
                Operation.REGISTER).consoleConnection().build();

        assertThat(connection.connectTimeout()).isEqualTo(ConsoleConnection.DEFAULT_CONNECT_TIMEOUT);
        assertThat(connection.readTimeout()).isEqualTo(ConsoleConnection.DEFAULT_READ_TIMEOUT);
        assertThat(connection.retries()).isEqualTo(ConsoleConnection.DEFAULT_RETRIES);
        assertThat(connection.caCertificateFile()).isNull();
        assertThat(connection.apiVersion()).isNull();
    }

    @Test
    void pemTextIsUsedAsSuch() throws InvalidRequestException {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        ConsoleConnection connection = ParameterReader.read(source(Map.of("caCertificate", pem, "apiVersion", "v34.03")),
                ParameterNaming.JENKINS, Operation.REGISTER).consoleConnection().build();

        assertThat(connection.caCertificatePem()).isEqualTo(pem);
        assertThat(connection.caCertificateFile()).isNull();
        assertThat(connection.apiVersion()).isEqualTo("v34.03");
    }

    @Test
    void typedValuesAreReadThroughTheirText() throws InvalidRequestException {
        ParameterValues values = ParameterReader.read(source(Map.of("cap", 3, "scanLater", true, "dryRun", Boolean.FALSE)),
                ParameterNaming.JENKINS, Operation.REGISTER);

        assertThat(values.get(Parameters.CAP)).isEqualTo(3);
        assertThat(values.get(Parameters.SCAN_LATER)).isTrue();
        assertThat(values.isSet(Parameters.DRY_RUN)).isTrue();
    }

    @Test
    void aSourceFallsBackWhereItHasNothing() throws InvalidRequestException {
        ParameterSource step = source(Map.of("consoleUrl", "https://step.example.com", "scanLater", " "));
        ParameterSource global = source(Map.of("consoleUrl", "https://global.example.com", "scanLater", "true",
                "retries", "1"));

        ParameterValues values = ParameterReader.read(step.orElse(global), ParameterNaming.JENKINS, Operation.REGISTER);

        assertThat(values.get(Parameters.CONSOLE_URL)).isEqualTo("https://step.example.com");
        assertThat(values.get(Parameters.SCAN_LATER)).isTrue();
        assertThat(values.get(Parameters.RETRIES)).isEqualTo(1);
    }
}
