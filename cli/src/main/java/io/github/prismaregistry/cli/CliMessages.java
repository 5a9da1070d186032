package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.InvalidRequestException;
import java.util.Map;

/** Engine messages re-addressed to the option a CLI user types. */
final class CliMessages {

    /** Engine names for what the command line calls differently. */
    private static final Map<String, String> ENGINE_NAMES = Map.of("backupDirectory", "outputDirectory");

    private CliMessages() {
    }

    static String invalid(InvalidRequestException e, RawValues values) {
        String name = e.parameter() == null ? null : ENGINE_NAMES.getOrDefault(e.parameter(), e.parameter());
        String message = e.getMessage().strip();
        if (!message.endsWith(".")) {
            message += ".";
        }
        if ("credentials".equals(name)) {
            return message + " Set " + values.spelling(CliParameters.USERNAME) + " and " + CliCredentials.ENV_PASSWORD
                    + ", or " + CliCredentials.ENV_TOKEN + ".";
        }
        if (name == null || values.definition(name) == null) {
            return message;
        }
        return "Invalid " + values.spelling(name) + ": " + message;
    }
}
