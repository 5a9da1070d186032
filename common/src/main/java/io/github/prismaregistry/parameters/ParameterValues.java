package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.scan.FailOnSeverity;
import io.github.prismaregistry.scan.GatePolicy;
import io.github.prismaregistry.scan.ScanRequest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checked values of one call, and the engine objects built from them. Unset parameters read as their default;
 * {@link #isSet} tells the two apart.
 */
public final class ParameterValues {

    private final Operation operation;
    private final ParameterNaming naming;
    private final Map<Parameter<?>, Object> values;

    ParameterValues(Operation operation, ParameterNaming naming, Map<Parameter<?>, Object> values) {
        this.operation = operation;
        this.naming = naming;
        this.values = Map.copyOf(values);
    }

    public Operation operation() {
        return operation;
    }

    /** How the caller spells parameters; pass it on so later messages use the same words. */
    public ParameterNaming naming() {
        return naming;
    }

    /** The value, or the parameter's default when unset. */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> parameter) {
        if (!parameter.usedBy(operation)) {
            throw new IllegalArgumentException(parameter.name() + " is not a parameter of " + operation.verb());
        }
        Object value = values.get(parameter);
        return value != null ? (T) value : parameter.defaultValue();
    }

    /** Whether the caller gave a value (blank counts as unset). */
    public boolean isSet(Parameter<?> parameter) {
        return values.containsKey(parameter);
    }

    /** The parameters the caller gave a value for. */
    public Set<Parameter<?>> setParameters() {
        return values.keySet();
    }

    /**
     * The entry fields, for register and unregister. {@code image} is what the caller set; a front end that finds the
     * image elsewhere (Jib's output) overrides it on the returned builder.
     */
    public RegistrationRequest.Builder registrationRequest() {
        RegistrationRequest.Builder request = RegistrationRequest.builder()
                .image(get(Parameters.IMAGE))
                .registry(get(Parameters.REGISTRY))
                .repository(get(Parameters.REPOSITORY))
                .tag(get(Parameters.TAG))
                .registryType(get(Parameters.REGISTRY_TYPE))
                .registryCredentialId(get(Parameters.REGISTRY_CREDENTIAL_ID))
                // Unset fields stay unset: the engine tells "asked for" from "default" when deciding on an update.
                .os(isSet(Parameters.OS) ? get(Parameters.OS) : null)
                .cap(isSet(Parameters.CAP) ? get(Parameters.CAP) : null)
                .scanners(isSet(Parameters.SCANNERS) ? get(Parameters.SCANNERS) : null)
                .collections(isSet(Parameters.COLLECTIONS) ? get(Parameters.COLLECTIONS) : null)
                .scanLater(get(Parameters.SCAN_LATER))
                .dryRun(get(Parameters.DRY_RUN))
                .naming(naming);
        if (operation == Operation.REGISTER) {
            request.updateExisting(get(Parameters.UPDATE_EXISTING));
        }
        return request;
    }

    /**
     * The image and gate of a scan. {@code image} is what the caller set; a front end that finds the image elsewhere
     * (Jib's output, with the pushed digest) overrides it on the returned builder.
     */
    public ScanRequest.Builder scanRequest() {
        return ScanRequest.builder()
                .image(get(Parameters.IMAGE))
                .policy(GatePolicy.builder()
                        .failOnSeverity(FailOnSeverity.valueOf(get(Parameters.FAIL_ON_SEVERITY).toUpperCase(Locale.ROOT)))
                        .ignoreUnfixed(get(Parameters.IGNORE_UNFIXED))
                        .ignoredVulnerabilities(get(Parameters.IGNORED_VULNERABILITIES))
                        .failOnConsoleBlock(get(Parameters.FAIL_ON_CONSOLE_BLOCK))
                        .build())
                .scanTimeout(get(Parameters.SCAN_TIMEOUT))
                .pollInterval(get(Parameters.POLL_INTERVAL))
                .outputDirectory(get(Parameters.OUTPUT_DIRECTORY))
                .naming(naming);
    }

    /**
     * Where the Console is and how to reach it; credentials, proxy and user agent come from the front end's own
     * stores. {@code caCertificate} holding PEM text is used as such, anything else is a file.
     */
    public ConsoleConnection.Builder consoleConnection() {
        String apiVersion = get(Parameters.API_VERSION);
        String ca = get(Parameters.CA_CERTIFICATE);
        ConsoleConnection.Builder connection = ConsoleConnection.builder(get(Parameters.CONSOLE_URL))
                .apiVersion(apiVersion == null || apiVersion.equalsIgnoreCase("discover") ? null : apiVersion)
                .project(get(Parameters.PROJECT))
                .insecureSkipTlsVerify(get(Parameters.SKIP_TLS_VERIFY))
                .connectTimeout(get(Parameters.CONNECT_TIMEOUT))
                .readTimeout(get(Parameters.READ_TIMEOUT))
                .retries(get(Parameters.RETRIES))
                .naming(naming);
        if (ca != null) {
            if (isPemText(ca)) {
                connection.caCertificatePem(ca);
            } else {
                connection.caCertificateFile(Path.of(ca));
            }
        }
        return connection;
    }

    static boolean isPemText(String value) {
        return value.contains("-----BEGIN");
    }
}
