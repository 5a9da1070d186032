package io.github.prismaregistry.settings;

/** The GET body could not be read as registry settings; the engine turns it into a ConsoleResponseException. */
public final class MalformedSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
