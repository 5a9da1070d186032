package io.github.prismaregistry.console;

/**
 * A write was sent but no answer says whether the Console applied it (connection lost, read timeout, gateway error).
 * The caller must read the list before deciding to write again.
 */
public final class WriteOutcomeUnknownException extends Exception {

    private static final long serialVersionUID = 1L;

    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
