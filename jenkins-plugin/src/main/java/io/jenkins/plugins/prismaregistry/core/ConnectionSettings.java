package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterSource;
import io.github.prismaregistry.parameters.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global configuration's values as raw text for the catalogue: where the Console is, how to reach it, and the
 * steps' default for {@code scanLater}. Blank means unset, so the catalogue's default applies.
 */
public final class ConnectionSettings implements ParameterSource {

    /** The catalogue parameters set on the global configuration page rather than on each step. */
    public static final List<Parameter<?>> GLOBAL_PARAMETERS = List.of(Parameters.CONSOLE_URL, Parameters.API_VERSION,
            Parameters.PROJECT, Parameters.CA_CERTIFICATE, Parameters.SKIP_TLS_VERIFY, Parameters.CONNECT_TIMEOUT,
            Parameters.READ_TIMEOUT, Parameters.RETRIES, Parameters.SCAN_LATER);

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = (int) Parameters.CONNECT_TIMEOUT.defaultValue().toSeconds();
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = (int) Parameters.READ_TIMEOUT.defaultValue().toSeconds();
    public static final int DEFAULT_RETRIES = Parameters.RETRIES.defaultValue();

    private final Map<String, String> raw;

    private ConnectionSettings(Map<String, String> raw) {
        this.raw = Map.copyOf(raw);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String raw(Parameter<?> parameter) {
        return raw.get(parameter.name());
    }

    public String consoleUrl() {
        return raw(Parameters.CONSOLE_URL);
    }

    /** A timeout in seconds as stored; zero or negative (an emptied form field) means "default". */
    public static int secondsOrDefault(int seconds, int defaultSeconds) {
        return seconds > 0 ? seconds : defaultSeconds;
    }

    /** Retries as stored; negative means "default", zero means "never retry". */
    public static int retriesOrDefault(int retries) {
        return retries >= 0 ? retries : DEFAULT_RETRIES;
    }

    public static final class Builder {
        private final Map<String, String> raw = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a global parameter from a field or form value ({@code null} or blank: unset). */
        public Builder set(Parameter<?> parameter, Object value) {
            if (!GLOBAL_PARAMETERS.contains(parameter)) {
                throw new IllegalArgumentException(parameter.name() + " is not set on the global configuration");
            }
            String text = value == null ? null : Strings.blankToNull(value.toString());
            if (text == null) {
                raw.remove(parameter.name());
            } else {
                raw.put(parameter.name(), text);
            }
            return this;
        }

        public Builder consoleUrl(String value) {
            return set(Parameters.CONSOLE_URL, value);
        }

        public Builder apiVersion(String value) {
            return set(Parameters.API_VERSION, value);
        }

        public Builder project(String value) {
            return set(Parameters.PROJECT, value);
        }

        /** PEM text of extra trusted CA certificates. */
        public Builder caCertificate(String value) {
            return set(Parameters.CA_CERTIFICATE, value);
        }

        public Builder skipTlsVerify(Object value) {
            return set(Parameters.SKIP_TLS_VERIFY, value);
        }

        public Builder connectTimeoutSeconds(Object value) {
            return set(Parameters.CONNECT_TIMEOUT, value);
        }

        public Builder readTimeoutSeconds(Object value) {
            return set(Parameters.READ_TIMEOUT, value);
        }

        public Builder retries(Object value) {
            return set(Parameters.RETRIES, value);
        }

        /** The steps' default when they leave {@code scanLater} unset. */
        public Builder scanLater(Object value) {
            return set(Parameters.SCAN_LATER, value);
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(raw);
        }
    }
}
