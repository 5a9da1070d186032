package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.RegistrationRequest;
import java.util.Arrays;
import java.util.List;

/** Turns step arguments into the engine's request; the engine itself validates the values. */
public final class RequestMapper {

    private RequestMapper() {
    }

    /**
     * @param defaultScanLater the global default, used when the step leaves {@code scanLater} unset
     */
    public static RegistrationRequest toRequest(StepArguments arguments, boolean defaultScanLater) {
        boolean scanLater = arguments.scanLater() != null ? arguments.scanLater() : defaultScanLater;
        return RegistrationRequest.builder()
                .image(arguments.image())
                .registry(arguments.registry())
                .repository(arguments.repository())
                .tag(arguments.tag())
                .registryType(arguments.registryType())
                .registryCredentialId(arguments.registryCredentialId())
                .os(arguments.os())
                .cap(arguments.cap())
                .scanners(arguments.scanners())
                .collections(parseCollections(arguments.collections()))
                .scanLater(scanLater)
                .updateExisting(arguments.updateExisting())
                .dryRun(arguments.dryRun())
                .build();
    }

    /**
     * Splits {@code "prod, payments"} into names. A single string keeps the Snippet Generator and the job form
     * simple; {@code null} (unset) lets the engine apply its default collection.
     */
    public static List<String> parseCollections(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        List<String> names = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return names.isEmpty() ? null : names;
    }
}
