package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.prismaregistry.parameters.Parameters;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void storedTimeoutsMustBePositiveOtherwiseTheDefaultApplies() {
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
    void defaultsAreTheCatalogues() {
        assertThat(ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS).isEqualTo(10);
        assertThat(ConnectionSettings.DEFAULT_READ_TIMEOUT_SECONDS).isEqualTo(60);
        assertThat(ConnectionSettings.DEFAULT_RETRIES).isEqualTo(3);
    }

    @Test
    void valuesAreKeptAsTextAndBlankIsUnset() {
        ConnectionSettings settings = ConnectionSettings.builder().consoleUrl(" https://c ").connectTimeoutSeconds(" ")
                .retries(0).skipTlsVerify(false).build();

        assertThat(settings.consoleUrl()).isEqualTo("https://c");
        assertThat(settings.raw(Parameters.CONNECT_TIMEOUT)).isNull();
        assertThat(settings.raw(Parameters.RETRIES)).isEqualTo("0");
        assertThat(settings.raw(Parameters.SKIP_TLS_VERIFY)).isEqualTo("false");
        assertThat(settings.raw(Parameters.IMAGE)).isNull();
    }

    @Test
    void onlyGlobalParametersCanBeSet() {
        assertThatThrownBy(() -> ConnectionSettings.builder().set(Parameters.CAP, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
    }
}
