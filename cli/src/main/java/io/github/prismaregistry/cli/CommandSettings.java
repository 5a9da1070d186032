package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every subcommand reads before it talks to the Console: the checked catalogue values, the credentials, the
 * proxy, and the options of the command line alone (output format, verbosity, output directory).
 */
final class CommandSettings {

    final RawValues raw;
    final ParameterValues values;
    final boolean json;
    final boolean verbose;
    final Path outputDirectory;
    final CliCredentials.Resolved credentials;
    final ConsoleConnection connection;
    private final Map<String, String> environment;
    private final Path workingDirectory;

    private CommandSettings(RawValues raw, ParameterValues values, boolean json, boolean verbose, Path outputDirectory,
            CliCredentials.Resolved credentials, ConsoleConnection connection, Map<String, String> environment,
            Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.raw = raw;
        this.values = values;
        this.json = json;
        this.verbose = verbose;
        this.outputDirectory = outputDirectory;
        this.credentials = credentials;
        this.connection = connection;
    }

    /** Reads and checks everything; any mistake is a {@link UsageException} or an {@link InvalidRequestException}. */
    static CommandSettings read(Operation operation, RawValues raw, Map<String, String> environment,
            Path workingDirectory) throws UsageException, InvalidRequestException {
        ParameterValues values = ParameterReader.read(raw.source(), raw.naming(), operation);
        boolean json = outputMode(raw);
        boolean verbose = strictBoolean(raw, CliOptions.VERBOSE);
        Path output = workingDirectory.resolve(values.isSet(Parameters.OUTPUT_DIRECTORY)
                ? values.get(Parameters.OUTPUT_DIRECTORY) : Path.of(CliOptions.DEFAULT_OUTPUT_DIRECTORY));
        CliCredentials.Resolved credentials = CliCredentials.resolve(raw, environment, workingDirectory);
        ConsoleConnection.Builder connection = values.consoleConnection()
                .credentials(credentials.credentials())
                .proxy(proxy(raw, values))
                .userAgent("prisma-registry-cli/" + Version.current());
        String ca = values.get(Parameters.CA_CERTIFICATE);
        if (ca != null && !ca.contains("-----BEGIN")) {
            // A relative CA file is meant from where the command runs, as every other path.
            connection.caCertificateFile(workingDirectory.resolve(ca));
        }
        return new CommandSettings(raw, values, json, verbose, output, credentials, connection.build(), environment,
                workingDirectory);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Where relative paths on the command line are meant from. */
    Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code --fail-on-error=false}: a Console error is reported as a warning and the command exits 0. */
    boolean failOnError() {
        return values.get(Parameters.FAIL_ON_ERROR);
    }

    void createOutputDirectory() throws UsageException {
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new UsageException("Cannot create the output directory " + outputDirectory + " ("
                    + raw.spelling(Parameters.OUTPUT_DIRECTORY.name()) + "): " + e.getMessage());
        }
    }

    private static boolean outputMode(RawValues raw) throws UsageException {
        String output = raw.get(CliOptions.OUTPUT);
        String mode = output == null ? "human" : output.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("human") && !mode.equals("json")) {
            throw new UsageException(raw.source(CliOptions.OUTPUT) + " must be human or json, was '" + output + "'.");
        }
        return mode.equals("json");
    }

    private static boolean strictBoolean(RawValues raw, String name) throws UsageException {
        String value = raw.get(name);
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new UsageException(raw.source(name) + " must be true or false, was '" + value + "'.");
    }

    /** {@code http://[user:password@]host:port} from --proxy or HTTPS_PROXY; NO_PROXY's {@code .suffix} as {@code *.suffix}. */
    static ProxySettings proxy(RawValues raw, ParameterValues values) throws UsageException {
        String address = values.get(Parameters.PROXY);
        if (address == null || address.isBlank()) {
            return null;
        }
        String where = raw.source(Parameters.PROXY.name());
        URI uri;
        try {
            uri = new URI(address.contains("://") ? address.trim() : "http://" + address.trim());
        } catch (URISyntaxException e) {
            // The address may hold the proxy password: never repeat it.
            throw new UsageException(where + " is not a proxy address such as http://proxy.example.com:3128.");
        }
        if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new UsageException(where + " must be an http:// proxy address such as http://proxy.example.com:3128.");
        }
        ProxySettings.Builder proxy = ProxySettings.builder(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":") && where.equals(Parameters.PROXY.optionName())) {
            throw new UsageException(where + " holds a proxy password, which a process list would show: put the"
                    + " address with its password in " + Parameters.PROXY.environmentVariable() + " instead.");
        }
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            proxy.credentials(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)),
                    colon < 0 ? "" : decode(userInfo.substring(colon + 1)));
        }
        List<String> patterns = new ArrayList<>();
        for (String host : values.get(Parameters.NON_PROXY_HOSTS) == null ? List.<String>of()
                : values.get(Parameters.NON_PROXY_HOSTS)) {
            patterns.add(host.startsWith(".") ? "*" + host : host);
        }
        return proxy.nonProxyHosts(patterns).build();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
