package io.github.prismaregistry.console;

import io.github.prismaregistry.settings.RegistrySettings;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A response body of known length, read by OkHttp's thread into an array of that length; a caller may already read
 * the part that has arrived. Each byte is written once, and such a caller waits for a byte's position before
 * relying on it.
 */
final class ArrivingBody implements RegistrySettings.Arrival {

    private final byte[] bytes;
    private volatile int filled;
    private volatile boolean finished;
    private volatile Thread waiter;
    /** How far the waiting reader wants the body filled before it is woken. */
    private volatile int wanted;

    ArrivingBody(int length) {
        this.bytes = new byte[length];
    }

    byte[] bytes() {
        return bytes;
    }

    /** Reads the whole body into the array, telling the waiting reader as it goes; always ends with {@link #finish()}. */
    void readFrom(okio.BufferedSource source) throws IOException {
        try {
            int n = 0;
            while (n < bytes.length) {
                int read = source.read(bytes, n, bytes.length - n);
                if (read < 0) {
                    throw new java.io.EOFException("the body ended after " + n + " of " + bytes.length + " bytes");
                }
                n += read;
                filled = n;
                if (n >= wanted) {
                    // Only when the reader's wish is met: waking it for every few KB would cost more than it saves.
                    wake();
                }
            }
        } finally {
            finish();
        }
    }

    /** No more bytes will come (all arrived, or the transfer failed). */
    void finish() {
        finished = true;
        wake();
    }

    private void wake() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void await(int end) throws InterruptedException {
        if (filled >= end || finished) {
            return;
        }
        // Set before checking again: the reader either sees this wish or we see its progress (all volatile).
        wanted = end;
        waiter = Thread.currentThread();
        try {
            while (filled < end && !finished) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiter = null;
        }
    }
}
