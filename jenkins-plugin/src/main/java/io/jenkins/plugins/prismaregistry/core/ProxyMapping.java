package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ProxySettings;

/** Maps the values of Jenkins' own proxy page (Manage Jenkins > Plugins > Advanced) to the engine's proxy. */
public final class ProxyMapping {

    private ProxyMapping() {
    }

    /**
     * @param host Jenkins' proxy server name; blank means "no proxy"
     * @param noProxyHosts Jenkins' "No Proxy Host" text: patterns such as {@code *.internal}, one per line
     * @return the proxy, or {@code null} for a direct connection
     */
    public static ProxySettings fromJenkins(String host, int port, String username, String password, String noProxyHosts) {
        String name = Strings.blankToNull(host);
        if (name == null || port <= 0 || port > 65535) {
            return null;
        }
        ProxySettings.Builder builder = ProxySettings.builder(name, port).nonProxyHosts(noProxyHosts);
        String user = Strings.blankToNull(username);
        if (user != null) {
            builder.credentials(user, password == null ? "" : password);
        }
        return builder.build();
    }
}
