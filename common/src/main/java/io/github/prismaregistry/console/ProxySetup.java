package io.github.prismaregistry.console;

import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.merge.Glob;
import okhttp3.Authenticator;
import okhttp3.Credentials;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Routes our client (only ours; no JVM-wide property is touched) through an HTTP proxy, except for nonProxyHosts. */
public final class ProxySetup {

    private ProxySetup() {
    }

    public static ProxySelector selector(ProxySettings settings) {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host(), settings.port()));
        List<String> patterns = settings.nonProxyHosts();
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return bypasses(uri.getHost(), patterns) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // Nothing to remember: there is only one proxy.
            }
        };
    }

    /**
     * Does {@code host} match one of the patterns ({@code *} = any characters, case-insensitive; a leading '.' means
     * the domain and its sub-domains, as some tools write it)?
     */
    public static boolean bypasses(String host, List<String> patterns) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String raw : patterns) {
            String p = raw.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith(".")) {
                if (h.endsWith(p) || h.equals(p.substring(1))) {
                    return true;
                }
            } else if (Glob.matches(p, h, false)) {
                return true;
            }
        }
        return false;
    }

    /** Answers a 407 once with the proxy credentials; gives up if the proxy refuses them. */
    public static Authenticator authenticator(ProxySettings settings) {
        if (settings.username() == null) {
            return Authenticator.NONE;
        }
        String header = Credentials.basic(settings.username(), settings.password() == null ? "" : settings.password());
        return (route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            return response.request().newBuilder().header("Proxy-Authorization", header).build();
        };
    }
}
