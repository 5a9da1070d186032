package io.github.prismaregistry.api;

/**
 * Base of every error the engine reports. The message says what happened and what to do, and never holds a secret.
 * Subclasses name the kind of failure so front ends can map them (configuration mistake vs. runtime failure).
 */
public class PrismaRegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    public PrismaRegistryException(String message) {
        super(message);
    }

    public PrismaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
