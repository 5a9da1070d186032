package io.jenkins.plugins.prismaregistry.core;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Makes unexpected exceptions safe to hand to Jenkins: no secret in a message (Jenkins prints them with the stack
 * trace) and no class of the bundled engine jar anywhere in the chain (Pipeline would have to wrap the error in a
 * ProxyException to store it).
 */
public final class Masking {

    private Masking() {
    }

    /**
     * The exception itself when its whole chain is of plain classes and no message holds a secret; otherwise a plain
     * copy: {@link IllegalStateException}s that keep each original class name, masked message and stack trace.
     */
    public static RuntimeException rethrowable(RuntimeException e, SecretMasker masker) {
        if (isSafe(e, masker)) {
            return e;
        }
        return (RuntimeException) copy(e, masker, false, newSeen());
    }

    /** As {@link #rethrowable(RuntimeException, SecretMasker)}, keeping the exception an {@link IOException}. */
    public static IOException rethrowable(IOException e, SecretMasker masker) {
        if (isSafe(e, masker)) {
            return e;
        }
        return (IOException) copy(e, masker, true, newSeen());
    }

    private static boolean isSafe(Throwable e, SecretMasker masker) {
        return PlainTypes.isPlainChain(e) && !leaks(e, masker, newSeen());
    }

    private static boolean leaks(Throwable t, SecretMasker masker, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !message.equals(masker.mask(message))) {
            return true;
        }
        if (leaks(t.getCause(), masker, seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (leaks(s, masker, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable t, SecretMasker masker, boolean asIo, Set<Throwable> seen) {
        seen.add(t);
        String text = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + masker.mask(t.getMessage()));
        Throwable copy = asIo ? new IOException(text) : new IllegalStateException(text);
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && !seen.contains(cause)) {
            copy.initCause(copy(cause, masker, false, seen));
        }
        for (Throwable s : t.getSuppressed()) {
            if (!seen.contains(s)) {
                copy.addSuppressed(copy(s, masker, false, seen));
            }
        }
        return copy;
    }

    private static Set<Throwable> newSeen() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
