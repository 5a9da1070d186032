package io.github.prismaregistry.api;

/** The Console failed (5xx after retries) or answered with something that is not the expected JSON. */
public class ConsoleResponseException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConsoleResponseException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ConsoleResponseException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the answer was malformed or cut off rather than an error status. */
    public int status() {
        return status;
    }
}
