package io.github.prismaregistry.parameters;

/**
 * Where a front end's raw values come from: Maven's {@code -D} properties and POM, a Jenkins step's fields, command-line
 * options. Only hands over text; {@link ParameterReader} parses and checks it.
 */
@FunctionalInterface
public interface ParameterSource {

    /** The raw value as the user wrote it, or {@code null} (or blank) when unset here. */
    String raw(Parameter<?> parameter);

    /** This source, and where it has nothing, {@code fallback} (e.g. a Jenkins step, then the global configuration). */
    default ParameterSource orElse(ParameterSource fallback) {
        return parameter -> {
            String value = raw(parameter);
            return value == null || value.isBlank() ? fallback.raw(parameter) : value;
        };
    }

    /** A source with nothing set. */
    static ParameterSource empty() {
        return parameter -> null;
    }
}
