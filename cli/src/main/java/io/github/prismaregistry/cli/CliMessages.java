package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.InvalidRequestException;
import java.util.Map;

/** Engine messages that name a parameter in the engine's words, re-addressed to the option a CLI user types. */
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
        if (name == null || values.option(name) == null || message.contains(values.option(name).optionName())
                || message.contains(values.option(name).environmentVariable())) {
            return message;
        }
        return "Invalid " + values.spelling(name) + ": " + message;
    }
}
