package io.github.prismaregistry.api;

/** The Console rejected the credentials (HTTP 401): wrong user name, password or token, or an expired token that could not be renewed. */
public class ConsoleAuthenticationException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public ConsoleAuthenticationException(String message) {
        super(message);
    }

    public ConsoleAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
