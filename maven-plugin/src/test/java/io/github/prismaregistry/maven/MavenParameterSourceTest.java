package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.parameters.Parameters;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The command line wins over the POM, and says so once. */
class MavenParameterSourceTest {

    private final RecordingLog log = new RecordingLog();

    private MavenParameterSource source(Map<String, String> pom, String... userProperties) {
        Properties properties = new Properties();
        for (int i = 0; i < userProperties.length; i += 2) {
            properties.setProperty(userProperties[i], userProperties[i + 1]);
        }
        return new MavenParameterSource(pom, properties, Path.of("/work/project"), log);
    }

    @Test
    void aUserPropertyWinsOverThePomAndTheWinnerIsLogged() {
        MavenParameterSource source = source(Map.of("consoleUrl", "https://pom.example.com"),
                "prismaRegistry.consoleUrl", "https://cli.example.com");

        assertThat(source.raw(Parameters.CONSOLE_URL)).isEqualTo("https://cli.example.com");
        assertThat(source.raw(Parameters.CONSOLE_URL)).isEqualTo("https://cli.example.com");
        assertThat(log.lines).containsExactly("INFO -DprismaRegistry.consoleUrl on the command line wins over <consoleUrl>"
                + " in the POM: using https://cli.example.com, not https://pom.example.com");
    }

    @Test
    void theSameValueInBothPlacesIsNoConflict() {
        // Maven injects the property into a field the POM leaves out, so both read the same.
        MavenParameterSource source = source(Map.of("cap", "3"), "prismaRegistry.cap", "3");

        assertThat(source.raw(Parameters.CAP)).isEqualTo("3");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void withoutAUserPropertyThePomValueIsUsed() {
        MavenParameterSource source = source(Map.of("scanLater", "true"), "prismaRegistry.other", "x");

        assertThat(source.raw(Parameters.SCAN_LATER)).isEqualTo("true");
        assertThat(source.raw(Parameters.CAP)).isNull();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void aBlankUserPropertyIsUnsetAndLeavesThePomValue() {
        MavenParameterSource source = source(Map.of("tag", "1.*"), "prismaRegistry.tag", " ");

        assertThat(source.raw(Parameters.TAG)).isEqualTo("1.*");
    }

    @Test
    void aRelativePathFromTheCommandLineIsResolvedAgainstTheProjectAsMavenDoesForThePom() {
        MavenParameterSource source = source(Map.of("outputDirectory", "/work/project/target/prisma-registry"),
                "prismaRegistry.outputDirectory", "out/reports", "prismaRegistry.caCertificate", "certs/../ca.pem");

        assertThat(source.raw(Parameters.OUTPUT_DIRECTORY)).isEqualTo(Path.of("/work/project/out/reports").toString());
        assertThat(source.raw(Parameters.CA_CERTIFICATE)).isEqualTo(Path.of("/work/project/ca.pem").toString());
    }

    @Test
    void aPasswordInsideAnAddressIsNeverLogged() {
        MavenParameterSource source = source(Map.of("consoleUrl", "https://ci:pom-secret@pom.example.com"),
                "prismaRegistry.consoleUrl", "https://ci:cli-secret@cli.example.com");

        source.raw(Parameters.CONSOLE_URL);

        assertThat(String.join("\n", log.lines)).doesNotContain("secret").contains("https://****@cli.example.com");
    }
}
