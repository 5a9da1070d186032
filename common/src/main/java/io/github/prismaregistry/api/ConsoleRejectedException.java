package io.github.prismaregistry.api;

/** The Console refused a request with a 4xx status other than 401/403; carries the Console's own message. */
public class ConsoleRejectedException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String consoleMessage;

    public ConsoleRejectedException(int status, String consoleMessage, String message) {
        super(message);
        this.status = status;
        this.consoleMessage = consoleMessage;
    }

    /** The HTTP status, e.g. 400. */
    public int status() {
        return status;
    }

    /** The Console's message ({@code err} of its JSON body, or its text), shortened; may be empty. */
    public String consoleMessage() {
        return consoleMessage;
    }
}
