package io.github.prismaregistry.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Configuration mistakes are reported by build(), naming the parameter, before any request is sent. */
class ConnectionValidationTest {

    private static final ConsoleCredentials LOGIN = ConsoleCredentials.usernamePassword("ci", "s3cret-pw");

    private static void assertInvalid(ConsoleConnection c, String parameter, String messagePart) {
        assertThatThrownBy(() -> RegistryRegistrar.builder(c).build().close())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(messagePart);
    }

    @Test
    void missingConsoleUrlIsRejected() {
        assertInvalid(ConsoleConnection.builder(" ").credentials(LOGIN).build(), "consoleUrl", "consoleUrl is required");
    }

    @Test
    void consoleUrlWithoutSchemeIsRejectedWithTheFix() {
        assertInvalid(ConsoleConnection.builder("console.example.com:8083").credentials(LOGIN).build(), "consoleUrl",
                "https://console.example.com:8083");
    }

    @Test
    void consoleUrlWithAnotherSchemeIsRejected() {
        assertInvalid(ConsoleConnection.builder("ftp://console.example.com").credentials(LOGIN).build(), "consoleUrl", "https://");
    }

    @Test
    void consoleUrlWithUserInfoIsRejectedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> RegistryRegistrar.builder(ConsoleConnection.builder("https://ci:topsecret@console.example.com")
                .credentials(LOGIN).build()).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must not contain a user name or password")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void missingCredentialsAreRejected() {
        assertInvalid(ConsoleConnection.builder("https://console.example.com").build(), "credentials", "user name and password");
    }

    @Test
    void negativeTimeoutsAndRetriesAreRejected() {
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).connectTimeout(Duration.ofSeconds(-1)).build(),
                "connectTimeout", "0");
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).readTimeout(Duration.ofSeconds(-5)).build(),
                "readTimeout", "was -5 seconds");
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).retries(-1).build(), "retries", "0 or more");
    }

    @Test
    void malformedApiVersionIsRejected() {
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).apiVersion("latest").build(), "apiVersion", "v34.03");
    }

    @Test
    void unreadableCaCertificateFileIsRejected(@TempDir Path dir) {
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).caCertificateFile(dir.resolve("missing.pem")).build(),
                "caCertificate", "cannot read");
    }

    @Test
    void caCertificateFileWithoutPemIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertInvalid(ConsoleConnection.builder("https://c.example").credentials(LOGIN).caCertificateFile(file).build(),
                "caCertificate", "no PEM certificate");
    }

    @Test
    void validConnectionBuildsWithoutContactingTheConsole() {
        assertThatCode(() -> RegistryRegistrar.builder(ConsoleConnection.builder("https://console.invalid:8083/us-3-1/")
                .credentials(LOGIN).apiVersion("34.03").project("Team A").build()).build().close()).doesNotThrowAnyException();
    }
}
