package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step's return value: plain, serializable JDK collections a Pipeline script can read without approval
 * ({@code result.action}, {@code result.entry.repository}).
 */
public final class ResultMaps {

    /** {@code action} of a failure returned when {@code failOnError: false}. */
    public static final String FAILED = RegistrationResult.FAILED;

    private ResultMaps() {
    }

    public static Map<String, Object> success(Operation operation, RegistrationResult result) {
        Map<String, Object> map = new LinkedHashMap<>(result.toMap());
        if (map.get("warnings") instanceof List<?> warnings) {
            map.put("warnings", new ArrayList<>(warnings.stream().map(String::valueOf).toList()));
        }
        map.put("operation", operation.verb());
        map.put("message", null);
        return map;
    }

    /**
     * @param target what the call was about, as the user gave it (image, or registry/repository:tag)
     * @param message the already masked message shown to the user
     */
    public static Map<String, Object> failure(Operation operation, String target, PrismaRegistryException error,
            String message) {
        Map<String, Object> map = RegistrationResult.failureMap(operation.verb(), error.getClass().getSimpleName(),
                error instanceof InvalidRequestException ? ((InvalidRequestException) error).parameter() : null, message);
        map.put("target", target);
        return map;
    }
}
