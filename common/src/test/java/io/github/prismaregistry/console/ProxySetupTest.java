package io.github.prismaregistry.console;

import io.github.prismaregistry.api.ProxySettings;
import org.junit.jupiter.api.Test;

import java.net.Proxy;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProxySetupTest {

    private static final List<String> PATTERNS = ProxySettings.builder("proxy", 3128)
            .nonProxyHosts("localhost|*.internal.example, 10.* .corp.example").build().nonProxyHosts();

    @Test
    void nonProxyHostPatternsMatchCaseInsensitively() {
        assertThat(ProxySetup.bypasses("localhost", PATTERNS)).isTrue();
        assertThat(ProxySetup.bypasses("Console.Internal.Example", PATTERNS)).isTrue();
        assertThat(ProxySetup.bypasses("10.1.2.3", PATTERNS)).isTrue();
        assertThat(ProxySetup.bypasses("corp.example", PATTERNS)).isTrue();
        assertThat(ProxySetup.bypasses("a.b.corp.example", PATTERNS)).isTrue();
    }

    @Test
    void otherHostsGoThroughTheProxy() {
        assertThat(ProxySetup.bypasses("console.example.com", PATTERNS)).isFalse();
        assertThat(ProxySetup.bypasses("internal.example.com", PATTERNS)).isFalse();
        assertThat(ProxySetup.bypasses("110.1.2.3", PATTERNS)).isFalse();
        assertThat(ProxySetup.bypasses("notcorp.example", PATTERNS)).isFalse();
    }

    @Test
    void selectorReturnsTheProxyOrADirectConnection() {
        var selector = ProxySetup.selector(ProxySettings.builder("proxy.example", 3128).nonProxyHosts("*.internal").build());

        Proxy viaProxy = selector.select(URI.create("https://console.example.com:8083/api/v1/version")).get(0);
        assertThat(viaProxy.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(viaProxy.address().toString()).contains("proxy.example").contains("3128");
        assertThat(selector.select(URI.create("https://console.internal/api")).get(0)).isEqualTo(Proxy.NO_PROXY);
    }
}
