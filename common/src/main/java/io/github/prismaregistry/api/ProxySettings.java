package io.github.prismaregistry.api;

import java.util.List;
import java.util.Objects;

/**
 * An HTTP proxy for our client only (never JVM-wide). {@code nonProxyHosts} are glob patterns
 * such as {@code *.internal} or {@code 10.*}, as in Maven's settings.xml and Jenkins' proxy page.
 */
public final class ProxySettings {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<String> nonProxyHosts;

    private ProxySettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.username = b.username;
        this.password = b.password;
        this.nonProxyHosts = List.copyOf(b.nonProxyHosts);
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Proxy user, or {@code null} when the proxy needs no authentication. */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=****")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }

    public static final class Builder {
        private final String host;
        private final int port;
        private String username;
        private String password;
        private List<String> nonProxyHosts = List.of();

        private Builder(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("proxy host must not be blank");
            }
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
            }
            this.host = host.trim();
            this.port = port;
        }

        public Builder credentials(String username, String password) {
            this.username = username == null || username.isBlank() ? null : username;
            this.password = password;
            return this;
        }

        public Builder nonProxyHosts(List<String> patterns) {
            this.nonProxyHosts = Objects.requireNonNull(patterns, "patterns");
            return this;
        }

        /** Patterns separated by {@code |}, commas or white space, as Maven and Jenkins store them. */
        public Builder nonProxyHosts(String patterns) {
            if (patterns == null || patterns.isBlank()) {
                this.nonProxyHosts = List.of();
            } else {
                this.nonProxyHosts = java.util.Arrays.stream(patterns.split("[|,\\s]+"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            return this;
        }

        public ProxySettings build() {
            return new ProxySettings(this);
        }
    }
}
