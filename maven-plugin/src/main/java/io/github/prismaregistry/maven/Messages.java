package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterNaming;

/** Error texts that name the XML element and the command-line property to fix, so users know where to look. */
final class Messages {

    private Messages() {
    }

    static String missingParameter(Parameter<?> parameter, String example, String meaning) {
        return "Missing <" + parameter.name() + "> (" + meaning + "): set it in the plugin <configuration> or pass -D"
                + parameter.propertyName() + "=" + example + ".";
    }

    /** The engine already names the parameter as {@link ParameterNaming#MAVEN} spells it. */
    static String invalidParameter(InvalidRequestException e) {
        String message = e.getMessage().strip();
        return message.endsWith(".") ? message : message + ".";
    }
}
