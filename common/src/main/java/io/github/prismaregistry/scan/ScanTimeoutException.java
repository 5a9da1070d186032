package io.github.prismaregistry.scan;

import io.github.prismaregistry.api.PrismaRegistryException;

import java.time.Duration;

/** No result of the triggered scan arrived within {@code scanTimeout}. An error, never a policy failure. */
public class ScanTimeoutException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final String lastSeen;

    public ScanTimeoutException(Duration timeout, String lastSeen, String message) {
        super(message);
        this.timeout = timeout;
        this.lastSeen = lastSeen;
    }

    /** The {@code scanTimeout} that ran out. */
    public Duration timeout() {
        return timeout;
    }

    /** What the last look at the Console showed, in words. */
    public String lastSeen() {
        return lastSeen;
    }
}
