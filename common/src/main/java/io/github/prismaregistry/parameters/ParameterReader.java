package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads every parameter an operation uses from a front end's raw values, before anything is sent: a value that does not
 * parse ({@code scanLater=yes}, {@code cap=-1}, {@code scanTimeout=-5}) fails the call with a message that names the
 * parameter as the front end spells it.
 */
public final class ParameterReader {

    private ParameterReader() {
    }

    public static ParameterValues read(ParameterSource source, ParameterNaming naming, Operation operation)
            throws InvalidRequestException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(operation, "operation");
        Map<Parameter<?>, Object> values = new LinkedHashMap<>();
        for (Parameter<?> parameter : Parameters.forOperation(operation)) {
            String raw = source.raw(parameter);
            if (raw != null && !raw.isBlank()) {
                values.put(parameter, parameter.parse(raw, naming));
            }
        }
        return new ParameterValues(operation, naming, values);
    }
}
