package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.InvalidRequestException;
import java.util.Map;
import java.util.Set;

/** Error texts that name the XML element and the command-line property to fix, so users know where to look. */
final class Messages {

    /** Parameters of both goals; the engine names its parameters the same way. */
    static final Set<String> PARAMETERS = Set.of("consoleUrl", "serverId", "apiVersion", "project", "caCertificate",
            "insecureSkipTlsVerify", "connectTimeout", "readTimeout", "retries", "image", "registry", "repository", "tag",
            "registryType", "registryCredentialId", "os", "cap", "scanners", "collections", "scanLater", "updateExisting",
            "dryRun", "skip", "failOnError", "outputDirectory", "jibImageJson");

    /** Engine names for things the plugin calls differently. */
    private static final Map<String, String> ENGINE_NAMES = Map.of("backupDirectory", "outputDirectory");

    private Messages() {
    }

    static String missingParameter(String name, String example, String meaning) {
        return "Missing <" + name + "> (" + meaning + "): set it in the plugin <configuration> or pass -D"
                + AbstractRegistryMojo.PROPERTY_PREFIX + name + "=" + example + ".";
    }

    static String invalidParameter(InvalidRequestException e) {
        String name = e.parameter() == null ? null : ENGINE_NAMES.getOrDefault(e.parameter(), e.parameter());
        if (name == null || !PARAMETERS.contains(name)) {
            return e.getMessage();
        }
        String message = e.getMessage().strip();
        if (!message.endsWith(".")) {
            message += ".";
        }
        return "Invalid <" + name + ">: " + message + " Fix <" + name + "> in the plugin <configuration> or -D"
                + AbstractRegistryMojo.PROPERTY_PREFIX + name + ".";
    }
}
