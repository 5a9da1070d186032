package io.github.prismaregistry.api;

/** No answer from the Console: unknown host, refused connection, proxy failure or a timeout. */
public class ConsoleUnreachableException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public ConsoleUnreachableException(String message) {
        super(message);
    }

    public ConsoleUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
