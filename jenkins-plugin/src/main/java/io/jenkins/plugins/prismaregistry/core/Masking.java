package io.jenkins.plugins.prismaregistry.core;

/** Keeps secrets out of unexpected exceptions, whose messages Jenkins prints with the stack trace. */
final class Masking {

    private Masking() {
    }

    /**
     * The exception itself when no message in its cause chain holds a secret; otherwise a copy with the masked
     * message and the original stack trace, and without the causes that held the secret.
     */
    static RuntimeException rethrowable(RuntimeException e, SecretMasker masker) {
        boolean leaks = false;
        for (Throwable t = e; t != null && !leaks; t = t.getCause()) {
            String message = t.getMessage();
            leaks = message != null && !message.equals(masker.mask(message));
        }
        if (!leaks) {
            return e;
        }
        IllegalStateException copy = new IllegalStateException(e.getClass().getName() + ": " + masker.mask(e.getMessage()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
