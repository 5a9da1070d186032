package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.parameters.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the Console credentials. Secrets come only from the environment or from a file: a file named on the command
 * line wins over the environment, a login (user and password) over a token, as in the Maven plugin.
 */
final class CliCredentials {

    static final String ENV_PASSWORD = Parameters.PASSWORD.environmentVariable();
    static final String ENV_TOKEN = Parameters.TOKEN.environmentVariable();
    private static final String USERNAME = Parameters.USERNAME.name();

    /** The credentials and where they came from, for messages that say what to fix. */
    record Resolved(ConsoleCredentials credentials, String source) {
    }

    private CliCredentials() {
    }

    static Resolved resolve(RawValues values, Map<String, String> environment, Path workingDirectory)
            throws UsageException {
        String username = values.get(USERNAME);
        String passwordFile = values.get(CliOptions.PASSWORD_FILE);
        String tokenFile = values.get(CliOptions.TOKEN_FILE);
        if (passwordFile != null && tokenFile != null) {
            throw new UsageException("Both " + values.source(CliOptions.PASSWORD_FILE) + " and "
                    + values.source(CliOptions.TOKEN_FILE) + " are set: give a login or an API token, not both.");
        }
        if (tokenFile != null) {
            String token = readSecret(values, CliOptions.TOKEN_FILE, workingDirectory);
            return new Resolved(ConsoleCredentials.token(token), "the file " + tokenFile);
        }
        if (passwordFile != null) {
            requireUsername(values, username, values.source(CliOptions.PASSWORD_FILE));
            String password = readSecret(values, CliOptions.PASSWORD_FILE, workingDirectory);
            return new Resolved(ConsoleCredentials.usernamePassword(username.trim(), password),
                    values.source(USERNAME) + " and the file " + passwordFile);
        }
        String password = environment.get(ENV_PASSWORD);
        String token = environment.get(ENV_TOKEN);
        if (!OptionSet.isBlank(password)) {
            requireUsername(values, username, ENV_PASSWORD);
            return new Resolved(ConsoleCredentials.usernamePassword(username.trim(), password),
                    values.source(USERNAME) + " and " + ENV_PASSWORD);
        }
        if (!OptionSet.isBlank(token)) {
            return new Resolved(ConsoleCredentials.token(token.trim()), ENV_TOKEN);
        }
        throw new UsageException("No Console credentials: set " + values.spelling(USERNAME) + " and "
                + ENV_PASSWORD + " (or " + values.spelling(CliOptions.PASSWORD_FILE) + ") for a login or SaaS"
                + " access key, or " + ENV_TOKEN + " (or " + values.spelling(CliOptions.TOKEN_FILE)
                + ") for an API token.");
    }

    private static void requireUsername(RawValues values, String username, String passwordSource) throws UsageException {
        if (OptionSet.isBlank(username)) {
            throw new UsageException("The password comes from " + passwordSource + " but no user name is set: set "
                    + values.spelling(USERNAME) + ", or use " + ENV_TOKEN + " / "
                    + values.spelling(CliOptions.TOKEN_FILE) + " for an API token.");
        }
    }

    private static String readSecret(RawValues values, String name, Path workingDirectory) throws UsageException {
        Path file = workingDirectory.resolve(values.get(name));
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // The exception text names only the file, never its content.
            throw new UsageException("Cannot read " + values.source(name) + " " + file + ": "
                    + e.getClass().getSimpleName() + ". Check the path and that the file is readable.");
        }
        if (secret.isEmpty()) {
            throw new UsageException("The file " + file + " given by " + values.source(name) + " is empty.");
        }
        return secret;
    }
}
