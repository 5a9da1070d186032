package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.Parameters;

/** Error texts that name the XML element and the command-line property to fix, so users know where to look. */
final class Messages {

    private static final String BACKUP_DIRECTORY = "backupDirectory";

    private Messages() {
    }

    static String missingParameter(Parameter<?> parameter, String example, String meaning) {
        return "Missing <" + parameter.name() + "> (" + meaning + "): set it in the plugin <configuration> or pass -D"
                + parameter.propertyName() + "=" + example + ".";
    }

    /** The engine already names the parameter as {@link ParameterNaming#MAVEN} spells it. */
    static String invalidParameter(InvalidRequestException e) {
        String message = e.getMessage().strip();
        message = message.endsWith(".") ? message : message + ".";
        // The engine knows only "the backup directory"; in Maven that folder is the output directory.
        if (BACKUP_DIRECTORY.equals(e.parameter())) {
            message += " Set " + ParameterNaming.MAVEN.spell(Parameters.OUTPUT_DIRECTORY) + " to a writable folder.";
        }
        return message;
    }
}
