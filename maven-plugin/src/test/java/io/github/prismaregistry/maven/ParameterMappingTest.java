package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
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
        mojo.connectTimeout = "10";
        mojo.readTimeout = "60";
        mojo.retries = "3";
        mojo.failOnError = "true";
        mojo.skip = "false";
        mojo.outputDirectory = dir.resolve("prisma-registry").toFile();
        mojo.jibImageJson = dir.resolve("jib-image.json").toFile();
        mojo.mavenProject = project("jar");
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    /** Reads the values as {@code execute()} does, for tests of one mapping. */
    private static <M extends AbstractRegistryMojo> M read(M mojo) throws InvalidRequestException {
        mojo.readValues(mojo.source());
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
        mojo.cap = "0";
        mojo.scanners = "4";
        mojo.collections = Arrays.asList(" payments ", "", null, "prod");
        mojo.scanLater = "true";
        mojo.updateExisting = "TRUE";
        mojo.dryRun = "True";

        RegistrationRequest request = read(mojo).toRequest(mojo.resolveImage());

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

        RegistrationRequest request = read(mojo).toRequest(mojo.resolveImage());

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

        RegistrationRequest request = read(mojo).toRequest(mojo.resolveImage());

        assertThat(request.image()).isNull();
        assertThat(request.registry()).isEqualTo("registry.example.com");
        assertThat(request.repository()).isEqualTo("shop/checkout");
        assertThat(request.updateExisting()).isFalse();
    }

    @Test
    void connectionParametersReachTheConnection() throws Exception {
        RegisterMojo mojo = register();
        mojo.consoleUrl = "https://console.example.com:8083/us-3-123/";
        mojo.apiVersion = "v34.03";
        mojo.project = "team-a";
        mojo.caCertificate = new File("ca.pem");
        mojo.skipTlsVerify = "true";
        mojo.connectTimeout = "3";
        mojo.readTimeout = "120";
        mojo.retries = "0";
        ConsoleCredentials login = ConsoleCredentials.usernamePassword("ci-user", "pw");
        ProxySettings proxy = ProxySettings.builder("proxy.example.com", 3128).build();

        ConsoleConnection connection = read(mojo).toConnection(new ResolvedCredentials(login, "test"), proxy);

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
    void apiVersionDiscoverOrUnsetMeansAskTheConsole() throws Exception {
        RegisterMojo mojo = register();
        mojo.consoleUrl = "https://console";

        assertThat(read(mojo).toConnection(null, null).apiVersion()).isNull();
        mojo.apiVersion = "discover";
        read(mojo);
        assertThat(mojo.toConnection(null, null).apiVersion()).isNull();
        assertThat(mojo.toConnection(null, null).connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(mojo.toConnection(null, null).readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void explicitImageWinsOverJibOutput() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.image = "registry.example.com/shop/checkout:2";

        assertThat(read(mojo).resolveImage()).isEqualTo("registry.example.com/shop/checkout:2");
    }

    @Test
    void explicitRepositoryNeedsNoImage() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.repository = "shop/*";

        assertThat(read(mojo).resolveImage()).isNull();
    }

    @Test
    void jibOutputIsUsedWhenNoImageIsConfigured() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"jib.example.com/a/b:1\",\"imagePushed\":true}");
        mojo.tag = "1";

        assertThat(read(mojo).toRequest(mojo.resolveImage()).image()).isEqualTo("jib.example.com/a/b:1");
    }

    @Test
    void imageJibDidNotPushStopsWithTheReason() throws Exception {
        RegisterMojo mojo = register();
        Files.writeString(mojo.jibImageJson.toPath(), "{\"image\":\"shop/checkout:1\",\"imagePushed\":false}");

        read(mojo);
        assertThatThrownBy(mojo::resolveImage)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("shop/checkout:1")
                .hasMessageContaining("was not pushed")
                .hasMessageContaining("jib:dockerBuild");
    }

    @Test
    void noImageAnywhereFailsNamingTheProperty() throws Exception {
        RegisterMojo mojo = register();

        read(mojo);
        assertThatThrownBy(mojo::resolveImage)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<image>")
                .hasMessageContaining("-DprismaRegistry.image");
    }

    @Test
    void pomPackagingWithoutAnImageIsAReasonToDoNothing() throws Exception {
        RegisterMojo mojo = register();
        assertThat(read(mojo).skipReason()).isNull();

        mojo.mavenProject = project("pom");
        assertThat(read(mojo).skipReason()).contains("pom packaging");

        mojo.image = "registry.example.com/shop/checkout";
        assertThat(read(mojo).skipReason()).isNull();
    }

    @Test
    void skipLogsOneInfoLineAndDoesNothingElse() throws Exception {
        RegisterMojo mojo = register();
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.skip = "true";
        mojo.cap = "not even checked";

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
        mojo.failOnError = "false";

        mojo.execute();

        assertThat(log.lines).singleElement().asString()
                .startsWith("WARN prisma-registry:register failed; the build continues because failOnError is false")
                .contains("<consoleUrl>");
    }

    @Test
    void engineConfigurationMistakeIsPassedOnAsASentence() {
        assertThat(Messages.invalidParameter(new InvalidRequestException("cap", "<cap> / -DprismaRegistry.cap must be 0 or more, was -1")))
                .isEqualTo("<cap> / -DprismaRegistry.cap must be 0 or more, was -1.");
        assertThat(Messages.invalidParameter(new InvalidRequestException("credentials", "No credentials.")))
                .isEqualTo("No credentials.");
    }

    @Test
    void anUnwritableBackupFolderPointsAtTheOutputDirectory() {
        assertThat(Messages.invalidParameter(new InvalidRequestException("backupDirectory", "cannot save the backup in /x")))
                .isEqualTo("cannot save the backup in /x. Set <outputDirectory> / -DprismaRegistry.outputDirectory to a"
                        + " writable folder.");
    }

    @Test
    void everyBooleanOfEveryGoalIsStrict() throws Exception {
        for (AbstractRegistryMojo mojo : List.of(register(), unregisterWithDefaults())) {
            for (Parameter<?> parameter : Parameters.forOperation(mojo.operation(), FrontEnd.MAVEN)) {
                if (parameter.kind() != ParameterKind.BOOLEAN) {
                    continue;
                }
                AbstractRegistryMojo fresh = mojo instanceof RegisterMojo ? register() : unregisterWithDefaults();
                fresh.image = "registry.example.com/shop/checkout";
                setField(fresh, parameter.name(), "yes");

                assertThatThrownBy(fresh::execute).as(parameter.name())
                        .isInstanceOf(MojoFailureException.class)
                        .hasMessage("<" + parameter.name() + "> / -D" + parameter.propertyName()
                                + " must be true or false, was 'yes'.");
            }
        }
    }

    @Test
    void aBadValueWithFailOnErrorFalseIsAWarning() throws Exception {
        RegisterMojo mojo = register();
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.failOnError = "false";
        mojo.dryRun = "1";

        mojo.execute();

        assertThat(log.lines).singleElement().asString().startsWith("WARN prisma-registry:register failed")
                .endsWith("<dryRun> / -DprismaRegistry.dryRun must be true or false, was '1'.");
    }

    private UnregisterMojo unregisterWithDefaults() {
        UnregisterMojo mojo = new UnregisterMojo(SettingsFixture.decrypter());
        RegisterMojo defaults = register();
        for (java.lang.reflect.Field field : AbstractRegistryMojo.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !java.lang.reflect.Modifier.isFinal(field.getModifiers())) {
                try {
                    field.set(mojo, field.get(defaults));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    private static void setField(AbstractRegistryMojo mojo, String name, String value) throws Exception {
        for (Class<?> type = mojo.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                type.getDeclaredField(name).set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new AssertionError("no field " + name);
    }
}
