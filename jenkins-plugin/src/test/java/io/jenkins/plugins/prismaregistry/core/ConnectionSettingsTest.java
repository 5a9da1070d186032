package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void timeoutsMustBePositiveOtherwiseTheDefaultApplies() {
        assertThat(ConnectionSettings.secondsOrDefault(30, 10)).isEqualTo(30);
        assertThat(ConnectionSettings.secondsOrDefault(0, 10)).isEqualTo(10);
        assertThat(ConnectionSettings.secondsOrDefault(-5, 10)).isEqualTo(10);
    }

    @Test
    void zeroRetriesIsAllowedAndNegativeMeansDefault() {
        assertThat(ConnectionSettings.retriesOrDefault(0)).isZero();
        assertThat(ConnectionSettings.retriesOrDefault(5)).isEqualTo(5);
        assertThat(ConnectionSettings.retriesOrDefault(-1)).isEqualTo(ConnectionSettings.DEFAULT_RETRIES);
    }

    @Test
    void numbersTypedIntoTheFormAreParsedLeniently() {
        assertThat(ConnectionSettings.parseOr(" 25 ", 0)).isEqualTo(25);
        assertThat(ConnectionSettings.parseOr("", 7)).isEqualTo(7);
        assertThat(ConnectionSettings.parseOr(null, 7)).isEqualTo(7);
        assertThat(ConnectionSettings.parseOr("ten", 7)).isEqualTo(7);
    }

    @Test
    void defaultsMatchTheEngine() {
        ConnectionSettings settings = ConnectionSettings.builder().build();

        assertThat(settings.connectTimeoutSeconds()).isEqualTo(10);
        assertThat(settings.readTimeoutSeconds()).isEqualTo(60);
        assertThat(settings.retries()).isEqualTo(3);
        assertThat(settings.skipTlsVerify()).isFalse();
        assertThat(settings.consoleUrl()).isNull();
    }
}
