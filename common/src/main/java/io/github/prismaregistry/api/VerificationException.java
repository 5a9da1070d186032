package io.github.prismaregistry.api;

/** The write was sent, but reading the list back did not show the expected state, even after retries. */
public class VerificationException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
