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

    /** Values by parameter name, each as its {@code toString()}; a missing or {@code null} value is unset. */
    static ParameterSource of(java.util.Map<String, ?> valuesByName) {
        return parameter -> {
            Object value = valuesByName.get(parameter.name());
            return value == null ? null : value.toString();
        };
    }

    /** A source with nothing set. */
    static ParameterSource empty() {
        return parameter -> null;
    }
}
