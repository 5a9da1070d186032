package io.github.prismaregistry.api;

import io.github.prismaregistry.parameters.ParameterNaming;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Console is and how to talk to it. Immutable; build with {@link #builder(String)}.
 * The URL may carry a path prefix (SaaS: {@code https://host/us-3-12345}).
 */
public final class ConsoleConnection {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETRIES = 3;

    private final String consoleUrl;
    private final String apiVersion;
    private final String project;
    private final ConsoleCredentials credentials;
    private final Path caCertificateFile;
    private final String caCertificatePem;
    private final boolean insecureSkipTlsVerify;
    private final ProxySettings proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final String userAgent;
    private final ParameterNaming naming;

    private ConsoleConnection(Builder b) {
        this.consoleUrl = b.consoleUrl;
        this.apiVersion = b.apiVersion;
        this.project = b.project;
        this.credentials = b.credentials;
        this.caCertificateFile = b.caCertificateFile;
        this.caCertificatePem = b.caCertificatePem;
        this.insecureSkipTlsVerify = b.insecureSkipTlsVerify;
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.retries = b.retries;
        this.userAgent = b.userAgent;
        this.naming = b.naming;
    }

    /** Starts a connection to the Console at this address ({@code https://console:8083}, optionally with a path prefix). */
    public static Builder builder(String consoleUrl) {
        return new Builder(consoleUrl);
    }

    /** The address as given, trailing slashes removed; validated by the engine. */
    public String consoleUrl() {
        return consoleUrl;
    }

    /** {@code v34.03} style version, or {@code null} to discover it from {@code /api/v1/version}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Projects tenant, or {@code null}. */
    public String project() {
        return project;
    }

    public ConsoleCredentials credentials() {
        return credentials;
    }

    /** PEM file with extra trusted CA certificates, or {@code null}. */
    public Path caCertificateFile() {
        return caCertificateFile;
    }

    /** PEM text with extra trusted CA certificates, or {@code null}. */
    public String caCertificatePem() {
        return caCertificatePem;
    }

    public boolean insecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    /** Proxy for our client, or {@code null} for a direct connection. */
    public ProxySettings proxy() {
        return proxy;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** How many times a failed GET or PUT is retried (0 = never). */
    public int retries() {
        return retries;
    }

    public String userAgent() {
        return userAgent;
    }

    /** How the caller spells parameters; messages about this connection use it. */
    public ParameterNaming naming() {
        return naming;
    }

    @Override
    public String toString() {
        return "ConsoleConnection[" + consoleUrl + ", apiVersion=" + (apiVersion == null ? "discover" : apiVersion)
                + (project == null ? "" : ", project=" + project) + ", " + credentials
                + (insecureSkipTlsVerify ? ", TLS verification OFF" : "") + "]";
    }

    public static final class Builder {
        private final String consoleUrl;
        private String apiVersion;
        private String project;
        private ConsoleCredentials credentials;
        private Path caCertificateFile;
        private String caCertificatePem;
        private boolean insecureSkipTlsVerify;
        private ProxySettings proxy;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private String userAgent = "prisma-registry";
        private ParameterNaming naming = ParameterNaming.PLAIN;

        private Builder(String consoleUrl) {
            this.consoleUrl = consoleUrl == null ? null : consoleUrl.trim().replaceAll("/+$", "");
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = blankToNull(apiVersion);
            return this;
        }

        public Builder project(String project) {
            this.project = blankToNull(project);
            return this;
        }

        public Builder credentials(ConsoleCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder caCertificateFile(Path caCertificateFile) {
            this.caCertificateFile = caCertificateFile;
            return this;
        }

        public Builder caCertificatePem(String caCertificatePem) {
            this.caCertificatePem = blankToNull(caCertificatePem);
            return this;
        }

        public Builder insecureSkipTlsVerify(boolean insecureSkipTlsVerify) {
            this.insecureSkipTlsVerify = insecureSkipTlsVerify;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder naming(ParameterNaming naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** Builds without validating; the engine validates and reports mistakes as {@link InvalidRequestException}. */
        public ConsoleConnection build() {
            return new ConsoleConnection(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
