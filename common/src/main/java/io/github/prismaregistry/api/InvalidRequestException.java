package io.github.prismaregistry.api;

/**
 * A configuration mistake the user must fix (missing console URL, unparsable image, bad cap ...).
 * {@link #parameter()} names the parameter as the front ends call it ({@code image}, {@code consoleUrl}, ...).
 */
public class InvalidRequestException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault, e.g. {@code image}. */
    public String parameter() {
        return parameter;
    }
}
