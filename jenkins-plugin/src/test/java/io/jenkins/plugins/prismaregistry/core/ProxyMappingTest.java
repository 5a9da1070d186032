package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.ProxySettings;
import org.junit.jupiter.api.Test;

class ProxyMappingTest {

    @Test
    void noProxyServerMeansADirectConnection() {
        assertThat(ProxyMapping.fromJenkins(null, 3128, null, null, null)).isNull();
        assertThat(ProxyMapping.fromJenkins("  ", 3128, null, null, null)).isNull();
    }

    @Test
    void anUnusablePortMeansADirectConnection() {
        assertThat(ProxyMapping.fromJenkins("proxy.example.com", 0, null, null, null)).isNull();
        assertThat(ProxyMapping.fromJenkins("proxy.example.com", 70000, null, null, null)).isNull();
    }

    @Test
    void hostPortAndNoProxyPatternsOneALineAreMapped() {
        ProxySettings proxy = ProxyMapping.fromJenkins("proxy.example.com", 3128, "", null,
                "*.internal\nconsole.example.com\n10.*");

        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).isNull();
        assertThat(proxy.nonProxyHosts()).containsExactly("*.internal", "console.example.com", "10.*");
    }

    @Test
    void proxyLoginIsKept() {
        ProxySettings proxy = ProxyMapping.fromJenkins("proxy.example.com", 8080, "jenkins", "proxy-pass", null);

        assertThat(proxy.username()).isEqualTo("jenkins");
        assertThat(proxy.password()).isEqualTo("proxy-pass");
        assertThat(proxy.toString()).doesNotContain("proxy-pass");
    }
}
