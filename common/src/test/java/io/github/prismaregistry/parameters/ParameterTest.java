package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterTest {

    private static void assertRefused(Parameter<?> parameter, String raw, ParameterNaming naming, String message) {
        assertThatThrownBy(() -> parameter.parse(raw, naming))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter.name()))
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "True,true", "' true ',true", "false,false", "FALSE,false", "False,false"})
    void booleansAcceptTrueAndFalseInAnyCase(String raw, boolean expected) throws InvalidRequestException {
        assertThat(Parameters.SCAN_LATER.parse(raw, ParameterNaming.PLAIN)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "on", "off", "y", "tru", "falsee"})
    void everythingElseIsRefusedForEveryBoolean(String raw) {
        for (Parameter<?> parameter : Parameters.all()) {
            if (parameter.kind() == ParameterKind.BOOLEAN) {
                assertRefused(parameter, raw, ParameterNaming.JENKINS,
                        parameter.name() + " must be true or false, was '" + raw + "'");
            }
        }
    }

    @Test
    void theMessageSpellsTheParameterAsEachFrontEndDoes() {
        assertRefused(Parameters.SCAN_LATER, "yes", ParameterNaming.MAVEN,
                "<scanLater> / -DprismaRegistry.scanLater must be true or false, was 'yes'");
        assertRefused(Parameters.SCAN_LATER, "yes", ParameterNaming.JENKINS,
                "scanLater must be true or false, was 'yes'");
        assertRefused(Parameters.SCAN_LATER, "yes", ParameterNaming.CLI,
                "--scan-later must be true or false, was 'yes'");
    }

    @Test
    void blankIsUnsetAndGivesTheDefault() throws InvalidRequestException {
        assertThat(Parameters.FAIL_ON_ERROR.parse(null, ParameterNaming.PLAIN)).isTrue();
        assertThat(Parameters.FAIL_ON_ERROR.parse("  ", ParameterNaming.PLAIN)).isTrue();
        assertThat(Parameters.CAP.parse("", ParameterNaming.PLAIN)).isEqualTo(5);
        assertThat(Parameters.SCAN_TIMEOUT.parse(null, ParameterNaming.PLAIN)).isEqualTo(Duration.ofSeconds(900));
        assertThat(Parameters.IMAGE.parse(" ", ParameterNaming.PLAIN)).isNull();
    }

    @Test
    void integersAreWholeNumbersWithinBounds() throws InvalidRequestException {
        assertThat(Parameters.CAP.parse("0", ParameterNaming.PLAIN)).isZero();
        assertThat(Parameters.CAP.parse(" 12 ", ParameterNaming.PLAIN)).isEqualTo(12);
        assertThat(Parameters.RETRIES.parse("20", ParameterNaming.PLAIN)).isEqualTo(20);
        assertRefused(Parameters.CAP, "-1", ParameterNaming.MAVEN,
                "<cap> / -DprismaRegistry.cap must be 0 or more, was -1");
        assertRefused(Parameters.SCANNERS, "0", ParameterNaming.CLI, "--scanners must be 1 or more, was 0");
        assertRefused(Parameters.RETRIES, "21", ParameterNaming.JENKINS, "retries must be between 0 and 20, was 21");
        assertRefused(Parameters.CAP, "five", ParameterNaming.JENKINS, "cap must be a whole number, was 'five'");
        assertRefused(Parameters.CAP, "2.5", ParameterNaming.JENKINS, "cap must be a whole number, was '2.5'");
        assertRefused(Parameters.CAP, "99999999999", ParameterNaming.JENKINS,
                "cap must be at most 2147483647, was 99999999999");
    }

    @Test
    void secondsAreShownAsSecondsNeverAsIsoDurations() throws InvalidRequestException {
        assertThat(Parameters.SCAN_TIMEOUT.parse("60", ParameterNaming.PLAIN)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Parameters.SCAN_TIMEOUT.parse("60s", ParameterNaming.PLAIN)).isEqualTo(Duration.ofSeconds(60));
        assertRefused(Parameters.CONNECT_TIMEOUT, "-5", ParameterNaming.MAVEN,
                "<connectTimeout> / -DprismaRegistry.connectTimeout must be between 1 and 3600 seconds, was -5 seconds");
        assertRefused(Parameters.POLL_INTERVAL, "0", ParameterNaming.CLI,
                "--poll-interval must be between 1 and 3600 seconds, was 0 seconds");
        assertRefused(Parameters.SCAN_TIMEOUT, "PT5S", ParameterNaming.JENKINS,
                "scanTimeout must be a whole number of seconds, was 'PT5S'");
        assertRefused(Parameters.READ_TIMEOUT, "1m", ParameterNaming.JENKINS,
                "readTimeout must be a whole number of seconds, was '1m'");
    }

    @Test
    void choicesMatchInAnyCaseAndComeBackInTheCatalogueSpelling() throws InvalidRequestException {
        assertThat(Parameters.OS.parse("LINUXarm64", ParameterNaming.PLAIN)).isEqualTo("linuxARM64");
        assertThat(Parameters.FAIL_ON_SEVERITY.parse("High", ParameterNaming.PLAIN)).isEqualTo("high");
        assertThat(Parameters.FAIL_ON_SEVERITY.parse(null, ParameterNaming.PLAIN)).isEqualTo("critical");
        assertRefused(Parameters.FAIL_ON_SEVERITY, "severe", ParameterNaming.CLI,
                "--fail-on-severity must be one of critical, high, medium, low, none, was 'severe'");
    }

    @Test
    void listsAreCommaSeparatedWithoutBlanksOrRepeats() throws InvalidRequestException {
        assertThat(Parameters.COLLECTIONS.parse("prod, payments,,prod", ParameterNaming.PLAIN))
                .containsExactly("prod", "payments");
        assertThat(Parameters.IGNORED_VULNERABILITIES.parse("CVE-2024-1,CVE-2024-2", ParameterNaming.PLAIN))
                .containsExactly("CVE-2024-1", "CVE-2024-2");
        assertThat(Parameters.COLLECTIONS.parse(null, ParameterNaming.PLAIN)).containsExactly("All");
        assertRefused(Parameters.COLLECTIONS, " , ,", ParameterNaming.JENKINS,
                "collections must name at least one value (comma separated), or be left unset");
    }

    @Test
    void stringsAreTrimmedAndSecretsKeptExactly() throws InvalidRequestException {
        assertThat(Parameters.REPOSITORY.parse("  team/app ", ParameterNaming.PLAIN)).isEqualTo("team/app");
        assertThat(Parameters.TOKEN.parse(" s3cr3t ", ParameterNaming.PLAIN)).isEqualTo(" s3cr3t ");
        assertThat(Parameters.OUTPUT_DIRECTORY.parse("target/out", ParameterNaming.PLAIN)).isEqualTo(Path.of("target/out"));
    }

    @Test
    void namesBecomePropertiesAndKebabCaseOptions() {
        assertThat(Parameters.REGISTRY_CREDENTIAL_ID.propertyName()).isEqualTo("prismaRegistry.registryCredentialId");
        assertThat(Parameters.REGISTRY_CREDENTIAL_ID.optionName()).isEqualTo("--registry-credential-id");
        assertThat(Parameters.SKIP_TLS_VERIFY.optionName()).isEqualTo("--skip-tls-verify");
        assertThat(Parameters.CAP.optionName()).isEqualTo("--cap");
    }

    @Test
    void defaultsAreDocumentedAsUsersWriteThem() {
        assertThat(Parameters.SCAN_TIMEOUT.defaultText()).isEqualTo("900");
        assertThat(Parameters.POLL_INTERVAL.defaultText()).isEqualTo("10");
        assertThat(Parameters.FAIL_ON_CONSOLE_BLOCK.defaultText()).isEqualTo("true");
        assertThat(Parameters.COLLECTIONS.defaultText()).isEqualTo("All");
        assertThat(Parameters.API_VERSION.defaultText()).isEqualTo("discover");
        assertThat(Parameters.IGNORED_VULNERABILITIES.defaultText()).isEmpty();
        assertThat(List.of(Parameters.SCANNERS.defaultText(), Parameters.CAP.defaultText())).containsExactly("2", "5");
    }
}
