package io.github.prismaregistry.simulator;

import java.nio.file.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parsed command-line options of {@link Main}. */
final class CommandLine {

    static final String USAGE = String.join("\n",
            "Usage: java -jar prisma-registry-simulator-<version>-standalone.jar [options]",
            "",
            "Runs a Prisma Cloud Compute console simulator on 127.0.0.1 until stopped (Ctrl+C).",
            "",
            "Options:",
            "  --port N                  TCP port (default 8083; 0 picks a free port)",
            "  --seed N                  start with N realistic registry entries (default 0)",
            "  --tls                     serve HTTPS with a generated CA (its PEM file is printed)",
            "  --ca-file PATH            also write that CA certificate (PEM) to PATH; implies --tls",
            "  --prefix /PATH            SaaS-style path prefix, e.g. /us-3-12345",
            "  --user NAME               a user with full permissions (repeatable; default admin)",
            "  --password PASSWORD       password of the preceding --user (default admin)",
            "  --viewer NAME             a user without the registry permission (repeatable)",
            "  --viewer-password PASSWORD password of the preceding --viewer (default viewer)",
            "  --registrar NAME          a user who may change the settings but not scan (no monitorImages; repeatable)",
            "  --registrar-password PASSWORD password of the preceding --registrar (default registrar)",
            "  --reject-uncovered        registry/scan of an image no settings entry covers answers 400",
            "  --console-rate-limit      GET registry allows 30 requests per 30 s, then 429 with Retry-After",
            "  --version X.Y.Z           console version to report (default " + ConsoleSimulator.DEFAULT_CONSOLE_VERSION
                    + ")",
            "  --token TOKEN             a static API token accepted as Bearer",
            "  --token-lifetime SECONDS  lifetime of tokens from /authenticate (default 1800)",
            "  --max-entries N           largest list accepted (default " + ConsoleSimulator.DEFAULT_MAX_ENTRIES + ")",
            "  --help                    show this help",
            "",
            "Admin endpoints (no authentication) under <url>/_simulator/: GET status, GET specifications,",
            "GET requests, POST reset?seed=N, POST faults, POST refuse-post?value=true, POST expire-tokens,",
            "GET/POST/DELETE images, POST scan-results, GET/DELETE scans, POST scan-options.");

    /** A command line that cannot be used; the message says what to fix. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class Credential {
        final String name;
        String password;

        Credential(String name, String password) {
            this.name = name;
            this.password = password;
        }
    }

    boolean help;
    int port = 8083;
    int seed;
    boolean tls;
    /** Where to write the generated CA certificate, or null. */
    Path caFile;
    String prefix = "";
    final List<Credential> users = new ArrayList<>();
    final List<Credential> viewers = new ArrayList<>();
    final List<Credential> registrars = new ArrayList<>();
    boolean rejectUncovered;
    boolean consoleRateLimit;
    String consoleVersion = ConsoleSimulator.DEFAULT_CONSOLE_VERSION;
    String token;
    Duration tokenLifetime = Duration.ofMinutes(30);
    int maxEntries = ConsoleSimulator.DEFAULT_MAX_ENTRIES;

    static CommandLine parse(String... args) throws UsageException {
        CommandLine options = new CommandLine();
        String pendingDefaultPassword = null;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            String value = null;
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                value = argument.substring(equals + 1);
                argument = argument.substring(0, equals);
            }
            switch (argument) {
                case "--help":
                case "-h":
                    options.help = true;
                    break;
                case "--tls":
                    if (value != null) {
                        options.tls = parseBoolean(argument, value);
                    } else {
                        options.tls = true;
                    }
                    break;
                case "--ca-file":
                    options.caFile = Path.of(nonEmpty(argument, value != null ? value : next(args, ++i, argument)));
                    options.tls = true;
                    break;
                case "--port":
                    options.port = intValue(argument, value != null ? value : next(args, ++i, argument), 0, 65535);
                    break;
                case "--seed":
                    options.seed = intValue(argument, value != null ? value : next(args, ++i, argument), 0,
                            Integer.MAX_VALUE);
                    break;
                case "--max-entries":
                    options.maxEntries = intValue(argument, value != null ? value : next(args, ++i, argument), 0,
                            Integer.MAX_VALUE);
                    break;
                case "--token-lifetime":
                    options.tokenLifetime = Duration.ofSeconds(intValue(argument,
                            value != null ? value : next(args, ++i, argument), 1, Integer.MAX_VALUE));
                    break;
                case "--prefix":
                    options.prefix = value != null ? value : next(args, ++i, argument);
                    break;
                case "--version":
                    options.consoleVersion = value != null ? value : next(args, ++i, argument);
                    if (!options.consoleVersion.matches("\\d+\\.\\d+(\\.\\d+)?")) {
                        throw new UsageException("--version must look like 34.04.145, was '"
                                + options.consoleVersion + "'");
                    }
                    break;
                case "--token":
                    options.token = nonEmpty(argument, value != null ? value : next(args, ++i, argument));
                    break;
                case "--user":
                    options.users.add(new Credential(nonEmpty(argument,
                            value != null ? value : next(args, ++i, argument)), "admin"));
                    break;
                case "--password": {
                    String password = nonEmpty(argument, value != null ? value : next(args, ++i, argument));
                    if (options.users.isEmpty()) {
                        pendingDefaultPassword = password;
                    } else {
                        options.users.get(options.users.size() - 1).password = password;
                    }
                    break;
                }
                case "--viewer":
                case "--registrar": {
                    String name = nonEmpty(argument, value != null ? value : next(args, ++i, argument));
                    String role = argument.substring(2);
                    (role.equals("viewer") ? options.viewers : options.registrars).add(new Credential(name, role));
                    break;
                }
                case "--viewer-password":
                case "--registrar-password": {
                    String password = nonEmpty(argument, value != null ? value : next(args, ++i, argument));
                    String role = argument.substring(2, argument.indexOf("-password"));
                    List<Credential> list = role.equals("viewer") ? options.viewers : options.registrars;
                    if (list.isEmpty()) {
                        throw new UsageException(argument + " must follow a --" + role + " NAME");
                    }
                    list.get(list.size() - 1).password = password;
                    break;
                }
                case "--reject-uncovered":
                    options.rejectUncovered = true;
                    break;
                case "--console-rate-limit":
                    options.consoleRateLimit = true;
                    break;
                default:
                    throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        if (options.users.isEmpty()) {
            // --password alone changes the default admin's password.
            options.users.add(new Credential("admin", pendingDefaultPassword == null ? "admin" : pendingDefaultPassword));
        }
        return options;
    }

    ConsoleSimulator.Builder toBuilder() {
        ConsoleSimulator.Builder builder = ConsoleSimulator.builder()
                .port(port)
                .seed(seed)
                .tls(tls)
                .pathPrefix(prefix)
                .consoleVersion(consoleVersion)
                .tokenLifetime(tokenLifetime)
                .maxEntries(maxEntries);
        for (Credential user : users) {
            builder.user(user.name, user.password);
        }
        for (Credential viewer : viewers) {
            builder.userWithoutPermission(viewer.name, viewer.password);
        }
        for (Credential registrar : registrars) {
            builder.userWithPermissions(registrar.name, registrar.password, ConsoleSimulator.PERMISSION_POLICY_CONTAINERS,
                    ConsoleSimulator.PERMISSION_MANAGE_CREDS);
        }
        builder.rejectUncoveredImages(rejectUncovered);
        if (consoleRateLimit) {
            builder.consoleRateLimit();
        }
        if (token != null) {
            builder.apiToken(token);
        }
        return builder;
    }

    private static String next(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static String nonEmpty(String option, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException(option + " must not be empty");
        }
        return value;
    }

    private static int intValue(String option, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }

    private static boolean parseBoolean(String option, String value) throws UsageException {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new UsageException(option + " takes true or false, was '" + value + "'");
    }
}
