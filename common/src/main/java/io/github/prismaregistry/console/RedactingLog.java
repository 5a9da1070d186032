package io.github.prismaregistry.console;

import io.github.prismaregistry.api.RegistryLog;

/** Passes every line through the {@link Redactor} before the front end's log sees it. */
final class RedactingLog implements RegistryLog {

    private final RegistryLog delegate;
    private final Redactor redactor;

    RedactingLog(RegistryLog delegate, Redactor redactor) {
        this.delegate = delegate == null ? RegistryLog.silent() : delegate;
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        delegate.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        delegate.warn(redactor.redact(message));
    }

    @Override
    public void debug(String message) {
        delegate.debug(redactor.redact(message));
    }
}
