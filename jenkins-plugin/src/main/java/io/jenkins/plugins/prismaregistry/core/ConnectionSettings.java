package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ConsoleConnection;

/**
 * The global Console settings as plain values (timeouts in seconds, as the form shows them).
 * Out-of-range numbers fall back to the defaults, so an empty form field never breaks a build.
 */
public final class ConnectionSettings {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = (int) ConsoleConnection.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = (int) ConsoleConnection.DEFAULT_READ_TIMEOUT.toSeconds();
    public static final int DEFAULT_RETRIES = ConsoleConnection.DEFAULT_RETRIES;

    private final String consoleUrl;
    private final String apiVersion;
    private final String project;
    private final String caCertificate;
    private final boolean skipTlsVerify;
    private final int connectTimeoutSeconds;
    private final int readTimeoutSeconds;
    private final int retries;

    private ConnectionSettings(Builder b) {
        this.consoleUrl = b.consoleUrl;
        this.apiVersion = b.apiVersion;
        this.project = b.project;
        this.caCertificate = b.caCertificate;
        this.skipTlsVerify = b.skipTlsVerify;
        this.connectTimeoutSeconds = b.connectTimeoutSeconds;
        this.readTimeoutSeconds = b.readTimeoutSeconds;
        this.retries = b.retries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String project() {
        return project;
    }

    /** PEM text of extra trusted CA certificates, or {@code null}. */
    public String caCertificate() {
        return caCertificate;
    }

    public boolean skipTlsVerify() {
        return skipTlsVerify;
    }

    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    public int readTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    public int retries() {
        return retries;
    }

    /** A timeout in seconds as typed; zero, negative or unparsable means "default". */
    public static int secondsOrDefault(int seconds, int defaultSeconds) {
        return seconds > 0 ? seconds : defaultSeconds;
    }

    /** Retries as typed; negative means "default", zero means "never retry". */
    public static int retriesOrDefault(int retries) {
        return retries >= 0 ? retries : DEFAULT_RETRIES;
    }

    /** Parses a number typed into a form; blank or garbage gives {@code fallback}. */
    public static int parseOr(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static final class Builder {
        private String consoleUrl;
        private String apiVersion;
        private String project;
        private String caCertificate;
        private boolean skipTlsVerify;
        private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
        private int retries = DEFAULT_RETRIES;

        private Builder() {
        }

        public Builder consoleUrl(String value) {
            this.consoleUrl = Strings.blankToNull(value);
            return this;
        }

        public Builder apiVersion(String value) {
            this.apiVersion = Strings.blankToNull(value);
            return this;
        }

        public Builder project(String value) {
            this.project = Strings.blankToNull(value);
            return this;
        }

        public Builder caCertificate(String value) {
            this.caCertificate = Strings.blankToNull(value);
            return this;
        }

        public Builder skipTlsVerify(boolean value) {
            this.skipTlsVerify = value;
            return this;
        }

        public Builder connectTimeoutSeconds(int value) {
            this.connectTimeoutSeconds = secondsOrDefault(value, DEFAULT_CONNECT_TIMEOUT_SECONDS);
            return this;
        }

        public Builder readTimeoutSeconds(int value) {
            this.readTimeoutSeconds = secondsOrDefault(value, DEFAULT_READ_TIMEOUT_SECONDS);
            return this;
        }

        public Builder retries(int value) {
            this.retries = retriesOrDefault(value);
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(this);
        }
    }
}
