package io.github.prismaregistry.api;

/** The client refused a PUT that would have dropped entries it was not asked to remove. Nothing was written. */
public class UnsafeWriteException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public UnsafeWriteException(String message) {
        super(message);
    }

    public UnsafeWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
