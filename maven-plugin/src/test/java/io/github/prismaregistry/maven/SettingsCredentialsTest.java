package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SettingsCredentialsTest {

    private static final String LOGIN_PASSWORD = "unit-Canary-Secret-99";

    private static Settings settings;

    @BeforeAll
    static void readSettings() throws Exception {
        settings = SettingsFixture.settings("settings.xml");
    }

    private static ResolvedCredentials resolve(String serverId, Map<String, String> env) throws MojoFailureException {
        return new SettingsCredentials(settings, SettingsFixture.decrypter(), env).resolve(serverId);
    }

    @Test
    void encryptedServerPasswordIsDecryptedIntoALogin() throws Exception {
        ResolvedCredentials resolved = resolve("ci-login", Map.of());

        assertThat(resolved.credentials().isToken()).isFalse();
        assertThat(resolved.credentials().username()).isEqualTo("ci-user");
        assertThat(resolved.credentials().secret()).isEqualTo(LOGIN_PASSWORD);
        assertThat(resolved.source()).isEqualTo("settings.xml <server> 'ci-login'");
        assertThat(resolved.toString()).doesNotContain(LOGIN_PASSWORD);
    }

    @Test
    void serverWithOnlyAPasswordIsAnApiToken() throws Exception {
        ResolvedCredentials resolved = resolve("api-token", Map.of());

        assertThat(resolved.credentials().isToken()).isTrue();
        assertThat(resolved.credentials().secret()).isEqualTo("plain-token-value");
    }

    @Test
    void settingsServerWinsOverEnvironment() throws Exception {
        ResolvedCredentials resolved = resolve("ci-login",
                Map.of("PRISMA_USERNAME", "env-user", "PRISMA_PASSWORD", "env-pw", "PRISMA_TOKEN", "env-token"));

        assertThat(resolved.credentials().username()).isEqualTo("ci-user");
    }

    @Test
    void brokenServerElsewhereInSettingsDoesNotMatter() throws Exception {
        // settings.xml also holds the undecryptable server "broken"; only the server in use is decrypted.
        assertThat(resolve("api-token", Map.of()).credentials().secret()).isEqualTo("plain-token-value");
    }

    @Test
    void undecryptableServerFailsNamingTheServerId() {
        assertThatThrownBy(() -> resolve("broken", Map.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<server> 'broken'")
                .hasMessageContaining("settings-security.xml");
    }

    @Test
    void encryptedPasswordWithoutMasterPasswordFailsNamingTheServerId() {
        SettingsCredentials withoutSecurityFile = new SettingsCredentials(settings,
                SettingsFixture.decrypter(Path.of("target/no-such-settings-security.xml")), Map.of());

        assertThatThrownBy(() -> withoutSecurityFile.resolve("ci-login"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'ci-login'")
                .hasMessageContaining("does not exist")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining(LOGIN_PASSWORD);
    }

    @Test
    void aWrongMasterPasswordSaysDecryptionFailedWithoutTheCipherChain() {
        assertThatThrownBy(() -> resolveWith("settings-security-wrong-master.xml", "ci-login"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<server> 'ci-login'")
                .hasMessageContaining("master password in ")
                .hasMessageContaining("probably not the one this password was encrypted with")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining(LOGIN_PASSWORD);
    }

    @Test
    void aMalformedSettingsSecurityFileIsOneClearLine() {
        assertThatThrownBy(() -> resolveWith("settings-security-malformed.xml", "ci-login"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not well-formed XML (line ")
                .hasMessageContaining("mvn --encrypt-master-password")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEncryptedPasswordIsMarkedAsDecryptedAndAPlainOneIsNot() throws Exception {
        assertThat(resolve("ci-login", Map.of()).decrypted()).isTrue();
        assertThat(resolve("api-token", Map.of()).decrypted()).isFalse();
    }

    private static ResolvedCredentials resolveWith(String securityFile, String serverId) throws MojoFailureException {
        return new SettingsCredentials(settings, SettingsFixture.decrypter(SettingsFixture.DIRECTORY.resolve(securityFile)),
                Map.of()).resolve(serverId);
    }

    @Test
    void serverWithUsernameButNoPasswordFails() {
        assertThatThrownBy(() -> resolve("username-only", Map.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'username-only'")
                .hasMessageContaining("<password>");
    }

    @Test
    void withoutServerEnvironmentLoginIsUsed() throws Exception {
        ResolvedCredentials resolved = resolve("prisma-cloud",
                Map.of("PRISMA_USERNAME", "env-user", "PRISMA_PASSWORD", "env-pw"));

        assertThat(resolved.credentials().username()).isEqualTo("env-user");
        assertThat(resolved.credentials().secret()).isEqualTo("env-pw");
        assertThat(resolved.source()).isEqualTo("environment PRISMA_USERNAME/PRISMA_PASSWORD");
    }

    @Test
    void withoutServerEnvironmentTokenIsUsed() throws Exception {
        ResolvedCredentials resolved = resolve("prisma-cloud", Map.of("PRISMA_TOKEN", "env-token"));

        assertThat(resolved.credentials().isToken()).isTrue();
        assertThat(resolved.credentials().secret()).isEqualTo("env-token");
    }

    @Test
    void usernameWithoutPasswordInEnvironmentFailsNamingTheMissingVariable() {
        assertThatThrownBy(() -> resolve("prisma-cloud", Map.of("PRISMA_USERNAME", "env-user")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("PRISMA_PASSWORD is not");
    }

    @Test
    void noCredentialsAnywhereFailsNamingServerIdAndEnvironmentVariables() {
        assertThatThrownBy(() -> resolve("prisma-cloud", Map.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<id>prisma-cloud</id>")
                .hasMessageContaining("-DprismaRegistry.serverId")
                .hasMessageContaining("PRISMA_USERNAME")
                .hasMessageContaining("PRISMA_PASSWORD")
                .hasMessageContaining("PRISMA_TOKEN");
    }
}
