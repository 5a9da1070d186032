package io.github.prismaregistry.api;

/** The Console does not serve the requested API version (a pinned {@code apiVersion} too new or too old for it). */
public class UnsupportedApiVersionException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public UnsupportedApiVersionException(String message) {
        super(message);
    }

    public UnsupportedApiVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
