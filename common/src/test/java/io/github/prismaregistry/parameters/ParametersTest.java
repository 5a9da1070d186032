package io.github.prismaregistry.parameters;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ParametersTest {

    private static List<String> names(List<Parameter<?>> parameters) {
        return parameters.stream().map(Parameter::name).toList();
    }

    @Test
    void everyParameterHasAUniqueCamelCaseNameAndAMeaning() {
        Set<String> seen = new HashSet<>();
        for (Parameter<?> p : Parameters.all()) {
            assertThat(seen.add(p.name())).as("duplicate %s", p.name()).isTrue();
            assertThat(p.name()).matches("[a-z][a-zA-Z]*");
            assertThat(p.meaning()).as(p.name()).isNotBlank();
            assertThat(p.operations()).as(p.name()).isNotEmpty();
            assertThat(p.frontEnds()).as(p.name()).isNotEmpty();
            assertThat(Parameters.named(p.name())).isSameAs(p);
        }
        assertThat(Parameters.all()).hasSizeGreaterThan(35);
        assertThat(Parameters.named("noSuchThing")).isNull();
    }

    @Test
    void theScanAndGateParametersBelongToScanWithTheirDefaults() {
        assertThat(names(Parameters.forOperation(Operation.SCAN))).contains("failOnSeverity", "ignoreUnfixed",
                "ignoredVulnerabilities", "failOnConsoleBlock", "scanTimeout", "pollInterval", "image", "consoleUrl",
                "failOnError").doesNotContain("updateExisting", "scanLater", "cap", "images");
        assertThat(names(Parameters.forOperation(Operation.REGISTER))).doesNotContain("failOnSeverity", "scanTimeout");
        assertThat(Parameters.POLL_INTERVAL.minimum()).isEqualTo(1);
        assertThat(Parameters.IGNORE_UNFIXED.defaultValue()).isFalse();
        assertThat(Parameters.FAIL_ON_CONSOLE_BLOCK.defaultValue()).isTrue();
    }

    @Test
    void registerAndUnregisterShareTheEntryParametersAndOnlyRegisterUpdates() {
        assertThat(names(Parameters.forOperation(Operation.UNREGISTER))).contains("image", "images", "registry",
                "repository", "tag", "dryRun").doesNotContain("updateExisting");
        assertThat(names(Parameters.forOperation(Operation.REGISTER))).contains("updateExisting", "images");
    }

    @Test
    void eachFrontEndGetsItsOwnCredentialParameters() {
        assertThat(names(Parameters.forOperation(Operation.REGISTER, FrontEnd.MAVEN))).contains("serverId", "skip",
                "jibImageJson").doesNotContain("credentialsId", "username", "password", "token");
        assertThat(names(Parameters.forOperation(Operation.REGISTER, FrontEnd.JENKINS))).contains("credentialsId")
                .doesNotContain("serverId", "password", "outputDirectory", "skip");
        assertThat(names(Parameters.forOperation(Operation.SCAN, FrontEnd.CLI))).contains("username", "password",
                "token", "proxy", "outputDirectory").doesNotContain("serverId", "credentialsId");
    }

    @Test
    void theCommandLineReadsCredentialsFromTheUsualEnvironmentVariables() {
        assertThat(Parameters.CONSOLE_URL.environmentVariable()).isEqualTo("PRISMA_CONSOLE_URL");
        assertThat(Parameters.USERNAME.environmentVariable()).isEqualTo("PRISMA_USERNAME");
        assertThat(Parameters.PASSWORD.environmentVariable()).isEqualTo("PRISMA_PASSWORD");
        assertThat(Parameters.TOKEN.environmentVariable()).isEqualTo("PRISMA_TOKEN");
        assertThat(Parameters.PASSWORD.kind()).isEqualTo(ParameterKind.SECRET);
        assertThat(Parameters.CAP.environmentVariable()).isNull();
    }

    @Test
    void operationsAreFoundByTheirVerb() {
        assertThat(Operation.forVerb("register")).isEqualTo(Operation.REGISTER);
        assertThat(Operation.forVerb("scan")).isEqualTo(Operation.SCAN);
        assertThat(Operation.forVerb("help")).isNull();
        assertThat(Operation.UNREGISTER.verb()).isEqualTo("unregister");
    }
}
