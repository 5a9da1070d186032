package io.github.prismaregistry.scan;

import io.github.prismaregistry.api.PrismaRegistryException;

/** The Console ran the scan but reported an error instead of a result (e.g. no Defender available, pull failed). */
public class ScanFailedException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    private final String consoleError;

    public ScanFailedException(String consoleError, String message) {
        super(message);
        this.consoleError = consoleError;
    }

    /** The Console's own words. */
    public String consoleError() {
        return consoleError;
    }
}
