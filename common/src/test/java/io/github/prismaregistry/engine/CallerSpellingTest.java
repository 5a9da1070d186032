package io.github.prismaregistry.engine;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.ParameterNaming;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The engine's own checks name the parameter the way the calling front end spells it. */
class CallerSpellingTest {

    private static final ConsoleCredentials LOGIN = ConsoleCredentials.usernamePassword("ci", "pw");

    private static String entryMessage(RegistrationRequest.Builder request, ParameterNaming naming) {
        InvalidRequestException e = (InvalidRequestException) catchThrowable(
                () -> RequestValidator.desiredEntry(request.naming(naming).build()));
        assertThat(e).isNotNull();
        return e.getMessage();
    }

    private static String connectionMessage(ConsoleConnection.Builder connection, ParameterNaming naming) {
        InvalidRequestException e = (InvalidRequestException) catchThrowable(
                () -> RegistryRegistrar.builder(connection.credentials(LOGIN).naming(naming).build()).build().close());
        assertThat(e).isNotNull();
        return e.getMessage();
    }

    @Test
    void entryMistakesAreSpelledPerFrontEnd() {
        RegistrationRequest.Builder badCap = RegistrationRequest.builder().image("team/app").cap(-1);
        assertThat(entryMessage(badCap, ParameterNaming.MAVEN)).startsWith("<cap> / -DprismaRegistry.cap must be 0");
        assertThat(entryMessage(badCap, ParameterNaming.JENKINS)).startsWith("cap must be 0");
        assertThat(entryMessage(badCap, ParameterNaming.CLI)).startsWith("--cap must be 0");

        assertThat(entryMessage(RegistrationRequest.builder().image("Team/App"), ParameterNaming.CLI))
                .startsWith("--image 'Team/App' is not a valid image reference");
        assertThat(entryMessage(RegistrationRequest.builder(), ParameterNaming.CLI))
                .contains("set --image").contains("or --registry and --repository");
        assertThat(entryMessage(RegistrationRequest.builder().image("team/app").registryType("quay"), ParameterNaming.MAVEN))
                .startsWith("<registryType> / -DprismaRegistry.registryType 'quay' is not a Prisma Cloud registry type");
        assertThat(entryMessage(RegistrationRequest.builder().registry("ci:pw@registry.example.com").repository("a"),
                ParameterNaming.CLI)).isEqualTo("--registry must not contain a user name or password; give the "
                + "registry credential's ID as --registry-credential-id instead");
    }

    @Test
    void connectionMistakesAreSpelledPerFrontEnd() {
        assertThat(connectionMessage(ConsoleConnection.builder("console.example.com"), ParameterNaming.CLI))
                .startsWith("--console-url 'console.example.com' has no scheme");
        assertThat(connectionMessage(ConsoleConnection.builder("https://c.example").apiVersion("x.y"), ParameterNaming.MAVEN))
                .startsWith("<apiVersion> / -DprismaRegistry.apiVersion 'x.y' is not an API version");
        assertThat(connectionMessage(ConsoleConnection.builder("https://c.example").readTimeout(Duration.ofSeconds(-5)),
                ParameterNaming.JENKINS)).isEqualTo("readTimeout must be 0 (no limit) or more seconds, was -5 seconds");
    }

    @Test
    void withoutANamingTheCatalogueNameIsUsed() {
        assertThat(entryMessage(RegistrationRequest.builder().image("team/app").scanners(0), ParameterNaming.PLAIN))
                .startsWith("scanners must be 1 or more");
    }
}
