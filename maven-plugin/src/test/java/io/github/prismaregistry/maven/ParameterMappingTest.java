package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.api.RegistrationRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the goals' parameters become the common request and connection; no Maven container involved. */
class ParameterMappingTest {

    @TempDir
    Path dir;

    /** A register goal with the defaults Maven would inject. */
    private RegisterMojo register() {
        RegisterMojo mojo = new RegisterMojo(SettingsFixture.decrypter());
        mojo.serverId = "prisma-cloud";
        mojo.connectTimeout = 10;
        mojo.readTimeout = 60;
        mojo.retries = 3;
        mojo.failOnError = true;
        mojo.outputDirectory = dir.resolve("prisma-registry").toFile();
        mojo.jibImageJson = dir.resolve("jib-image.json").toFile();
        mojo.mavenProject = project("jar");
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    private static MavenProject project(String packaging) {
        MavenProject project = new MavenProject();
        project.setArtifactId("checkout");
        project.setPackaging(packaging);
        return project;
    }

    @Test
    void everyEntryParameterReachesTheRequest() throws Exception {
        RegisterMojo mojo = register();
        mojo.image = " registry.example.com/shop/checkout:1.4.2 ";
        mojo.registry = "mirror.example.com";
        mojo.tag = "1.*";
        mojo.registryType = "jfrog";
        mojo.registryCredentialId = "artifactory-reader";
        mojo.os = "windows";
        mojo.cap = 0;
        mojo.scanners = 4;
        mojo.collections = List.of("payments", "prod");
        mojo.scanLater = true;
        mojo.updateExisting = true;
        mojo.dryRun = true;

        RegistrationRequest request = mojo.toRequest(mojo.resolveImage());

        assertThat(request.image()).isEqualTo("registry.example.com/shop/checkout:1.4.2");
        assertThat(request.registry()).isEqualTo("mirror.example.com");
        assertThat(request.repository()).isNull();
        assertThat(request.tag()).isEqualTo("1.*");
        assertThat(request.registryType()).isEqualTo("jfrog");
        assertThat(request.registryCredentialId()).isEqualTo("artifactory-reader");
        assertThat(request.os()).isEqualTo("windows");
        assertThat(request.cap()).isZero();
        assertThat(request.scanners()).isEqualTo(4);
        assertThat(request.collections()).containsExactly("payments", "prod");
        assertThat(request.scanLater()).isTrue();
        assertThat(request.updateExisting()).isTrue();
        assertThat(request.dryRun()).isTrue();
    }

    @Test
    void unsetEntryParametersLeaveTheEngineDefaults() throws Exception {
        RegisterMojo mojo = register();
        mojo.image = "registry.example.com/shop/checkout";

        RegistrationRequest request = mojo.toRequest(mojo.resolveImage());

        assertThat(request.tag()).isNull();
        assertThat(request.registryType()).isNull();
        assertThat(request.os()).isNull();
        assertThat(request.cap()).isNull();
        assertThat(request.scanners()).isNull();
        assertThat(request.collections()).isNull();
        assertThat(request.scanLater()).isFalse();
        assertThat(request.updateExisting()).isFalse();
        assertThat(request.dryRun()).isFalse();
    }

    @Test
    void unregisterNeverAsksForAnUpdate() throws Exception {
        UnregisterMojo mojo = new UnregisterMojo(SettingsFixture.decrypter());
        mojo.registry = "registry.example.com";
        mojo.repository = "shop/checkout";

        RegistrationRequest request = mojo.toRequest(mojo.resolveImage());

        assertThat(request.image()).isNull();
        assertThat(request.registry()).isEqualTo("registry.example.com");
        assertThat(request.repository()).isEqualTo("shop/checkout");
        assertThat(request.updateExisting()).isFalse();
    }

    @Test
    void collectionsAreTrimmedAndEmptyItemsDropped() {
        assertThat(AbstractRegistryMojo.cleanList(Arrays.asList(" payments ", "", null, "prod")))
                .containsExactly("payments", "prod");
        assertThat(AbstractRegistryMojo.cleanList(List.of(" ", ""))).isNull();
        assertThat(AbstractRegistryMojo.cleanList(null)).isNull();
    }

    @Test
    void connectionParametersReachTheConnection() {
        RegisterMojo mojo = register();
        mojo.consoleUrl = "https://console.example.com:8083/us-3-123/";
        mojo.apiVersion = "v34.03";
        mojo.project = "team-a";
        mojo.caCertificate = new File("ca.pem");
        mojo.insecureSkipTlsVerify = true;
        mojo.connectTimeout = 3;
        mojo.readTimeout = 120;
        mojo.retries = 0;
        ConsoleCredentials login = ConsoleCredentials.usernamePassword("ci-user", "pw");
        ProxySettings proxy = ProxySettings.builder("proxy.example.com", 3128).build();

        ConsoleConnection connection = mojo.toConnection(new ResolvedCredentials(login, "test"), proxy);

        assertThat(connection.consoleUrl()).isEqualTo("https://console.example.com:8083/us-3-123");
        assertThat(connection.apiVersion()).isEqualTo("v34.03");
        assertThat(connection.project()).isEqualTo("team-a");
        assertThat(connection.credentials()).isSameAs(login);
        assertThat(connection.caCertificateFile()).isEqualTo(Path.of("ca.pem"));
        assertThat(connection.insecureSkipTlsVerify()).isTrue();
        assertThat(connection.proxy()).isSameAs(proxy);
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(connection.readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(connection.retries()).isZero();
        assertThat(connection.userAgent()).startsWith("prisma-registry-maven-plugin");
    }

    @Test
    void apiVersionDiscoverOrUnsetMeansAskTheConsole() {
        RegisterMojo mojo = register();
        mojo.consoleUrl = "https://console";

        assertThat(mojo.toConnection(null, null).apiVersion()).isNull();
        mojo.apiVersion = "discover";
        assertThat(mojo.toConnection(null, null).apiVersion()).isNull();
        assertThat(mojo.toConnection(null, null).connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(mojo.toConnection(null, null).readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void explicitImageWinsOverJibOutput() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.image = "registry.example.com/shop/checkout:2";

        assertThat(mojo.resolveImage()).isEqualTo("registry.example.com/shop/checkout:2");
    }

    @Test
    void explicitRepositoryNeedsNoImage() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.repository = "shop/*";

        assertThat(mojo.resolveImage()).isNull();
    }

    @Test
    void jibOutputIsUsedWhenNoImageIsConfigured() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.tag = "1";

        assertThat(mojo.toRequest(mojo.resolveImage()).image()).isEqualTo("jib.example.com/a/b:1");
    }

    @Test
    void imageJibDidNotPushStopsWithTheReason() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"shop/checkout:1\",\"imagePushed\":false}");

        assertThatThrownBy(mojo::resolveImage)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("shop/checkout:1")
                .hasMessageContaining("was not pushed")
                .hasMessageContaining("jib:dockerBuild");
    }

    @Test
    void noImageAnywhereFailsNamingTheProperty() {
        RegisterMojo mojo = register();

        assertThatThrownBy(mojo::resolveImage)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<image>")
                .hasMessageContaining("-DprismaRegistry.image");
    }

    @Test
    void skipAndPomPackagingAreReasonsToDoNothing() {
        RegisterMojo mojo = register();
        assertThat(mojo.skipReason()).isNull();

        mojo.mavenProject = project("pom");
        assertThat(mojo.skipReason()).contains("pom packaging");

        mojo.image = "registry.example.com/shop/checkout";
        assertThat(mojo.skipReason()).isNull();

        mojo.skip = true;
        assertThat(mojo.skipReason()).contains("prismaRegistry.skip");
    }

    @Test
    void skipLogsOneInfoLineAndDoesNothingElse() throws Exception {
        RegisterMojo mojo = register();
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.skip = true;

        mojo.execute();

        assertThat(log.lines).containsExactly("INFO Skipping prisma-registry:register: skip is true (prismaRegistry.skip)");
        assertThat(mojo.outputDirectory).doesNotExist();
    }

    @Test
    void missingConsoleUrlFailsNamingElementAndProperty() {
        RegisterMojo mojo = register();
        mojo.image = "registry.example.com/shop/checkout";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<consoleUrl>")
                .hasMessageContaining("-DprismaRegistry.consoleUrl=");
    }

    @Test
    void failOnErrorFalseTurnsTheFailureIntoAWarning() throws Exception {
        RegisterMojo mojo = register();
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.image = "registry.example.com/shop/checkout";
        mojo.failOnError = false;

        mojo.execute();

        assertThat(log.lines).singleElement().asString()
                .startsWith("WARN prisma-registry:register failed; the build continues because failOnError is false")
                .contains("<consoleUrl>");
    }

    @Test
    void engineConfigurationMistakeNamesElementAndProperty() {
        String message = Messages.invalidParameter(new InvalidRequestException("cap", "cap must be 0 or more, was -1."));

        assertThat(message).isEqualTo("Invalid <cap>: cap must be 0 or more, was -1. Fix <cap> in the plugin"
                + " <configuration> or -DprismaRegistry.cap.");
    }

    @Test
    void engineNameForTheBackupFolderIsTranslatedToOutputDirectory() {
        assertThat(Messages.invalidParameter(new InvalidRequestException("backupDirectory", "cannot write to /x")))
                .startsWith("Invalid <outputDirectory>: cannot write to /x. Fix <outputDirectory>");
    }

    @Test
    void engineMistakeAboutSomethingThatIsNoParameterKeepsTheEngineMessage() {
        assertThat(Messages.invalidParameter(new InvalidRequestException("credentials", "No credentials.")))
                .isEqualTo("No credentials.");
    }
}
