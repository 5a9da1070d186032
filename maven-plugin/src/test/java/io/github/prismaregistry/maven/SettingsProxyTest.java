package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.ProxySettings;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class SettingsProxyTest {

    @Test
    void activeHttpProxyIsDecryptedWithItsNonProxyHosts() throws Exception {
        ProxySettings proxy = new SettingsProxy(SettingsFixture.settings("settings.xml"), SettingsFixture.decrypter())
                .forConsole("http://console.example.com:8081");

        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).isEqualTo("proxy-user");
        assertThat(proxy.password()).isEqualTo("proxy-Canary-Secret-42");
        assertThat(proxy.nonProxyHosts()).containsExactly("localhost", "*.internal.example.com", "10.*");
        assertThat(proxy.toString()).doesNotContain("proxy-Canary-Secret-42");
    }

    @Test
    void httpsConsoleFallsBackToTheHttpProxyWhenTheHttpsOneIsInactive() throws Exception {
        ProxySettings proxy = new SettingsProxy(SettingsFixture.settings("settings.xml"), SettingsFixture.decrypter())
                .forConsole("https://console.example.com:8083/us-3-123");

        assertThat(proxy.host()).isEqualTo("proxy.example.com");
    }

    @Test
    void httpsConsolePrefersTheActiveHttpsProxy() throws Exception {
        SettingsProxy settingsProxy = new SettingsProxy(SettingsFixture.settings("settings-https-proxy.xml"),
                SettingsFixture.decrypter());

        ProxySettings https = settingsProxy.forConsole("HTTPS://console.example.com");
        ProxySettings http = settingsProxy.forConsole("http://console.example.com");

        assertThat(https.host()).isEqualTo("https-proxy.example.com");
        assertThat(https.port()).isEqualTo(8443);
        assertThat(https.username()).isNull();
        assertThat(https.nonProxyHosts()).containsExactly("*.example.org");
        assertThat(http.host()).isEqualTo("http-proxy.example.com");
        assertThat(http.nonProxyHosts()).isEmpty();
    }

    @Test
    void noProxiesMeansDirectConnection() throws Exception {
        assertThat(new SettingsProxy(new Settings(), SettingsFixture.decrypter()).forConsole("https://console"))
                .isNull();
    }

    @Test
    void unparsableConsoleUrlIsLeftForTheEngineToReport() throws Exception {
        SettingsProxy settingsProxy = new SettingsProxy(SettingsFixture.settings("settings.xml"),
                SettingsFixture.decrypter());

        assertThat(settingsProxy.forConsole("not a url")).isNull();
        assertThat(settingsProxy.forConsole(null)).isNull();
    }
}
