package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.prismaregistry.core.ConsoleUrlCheck.Level;
import org.junit.jupiter.api.Test;

class ConsoleUrlCheckTest {

    @Test
    void httpsAddressesAreAccepted() {
        assertThat(ConsoleUrlCheck.check("https://console.example.com:8083").level()).isEqualTo(Level.OK);
        assertThat(ConsoleUrlCheck.check("https://us-east1.cloud.twistlock.com/us-3-123456789").level()).isEqualTo(Level.OK);
    }

    @Test
    void emptyIsOnlyAWarningBecauseStepsCanPassTheirOwn() {
        assertThat(ConsoleUrlCheck.check(" ").level()).isEqualTo(Level.WARNING);
    }

    @Test
    void plainHttpIsAWarning() {
        ConsoleUrlCheck.Outcome outcome = ConsoleUrlCheck.check("http://console.local:8081");

        assertThat(outcome.level()).isEqualTo(Level.WARNING);
        assertThat(outcome.message()).contains("unencrypted");
    }

    @Test
    void anApiPathIsAWarning() {
        assertThat(ConsoleUrlCheck.check("https://console.example.com/api/v1").level()).isEqualTo(Level.WARNING);
    }

    @Test
    void wrongAddressesAreErrors() {
        assertThat(ConsoleUrlCheck.check("console.example.com").level()).isEqualTo(Level.ERROR);
        assertThat(ConsoleUrlCheck.check("ftp://console.example.com").level()).isEqualTo(Level.ERROR);
        assertThat(ConsoleUrlCheck.check("https://exa mple.com").level()).isEqualTo(Level.ERROR);
        assertThat(ConsoleUrlCheck.check("https://user:pw@console.example.com").level()).isEqualTo(Level.ERROR);
    }
}
