package io.github.prismaregistry.api;

/**
 * The Console did not answer in time. A kind of {@link ConsoleUnreachableException}; {@link #timeoutParameter()} names
 * the timeout to raise ({@code connectTimeout} or {@code readTimeout}).
 */
public class ConsoleTimeoutException extends ConsoleUnreachableException {

    private static final long serialVersionUID = 1L;

    private final String timeoutParameter;

    public ConsoleTimeoutException(String timeoutParameter, String message, Throwable cause) {
        super(message, cause);
        this.timeoutParameter = timeoutParameter;
    }

    /** {@code connectTimeout} or {@code readTimeout}. */
    public String timeoutParameter() {
        return timeoutParameter;
    }
}
