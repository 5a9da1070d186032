package io.github.prismaregistry.console;

import io.github.prismaregistry.settings.RegistrySettings;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A response body of known length, read by OkHttp's thread into an array of that length; callers (the list index
 * pass, the backup writer) may already read the part that has arrived. Each byte is written once, and such a caller
 * waits for a byte's position before relying on it.
 */
final class ArrivingBody implements RegistrySettings.Arrival, IncomingBody {

    /** A thread waiting until the body is filled up to {@code wanted}. */
    private record Waiter(Thread thread, int wanted) {
    }

    private final byte[] bytes;
    private volatile int filled;
    private volatile boolean finished;
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    ArrivingBody(int length) {
        this.bytes = new byte[length];
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public byte[] array() {
        return bytes;
    }

    /** Reads the whole body into the array, telling the waiting readers as it goes; always ends with {@link #finish()}. */
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
                for (Waiter w : waiters) {
                    // Only when a reader's wish is met: waking it for every few KB would cost more than it saves.
                    if (n >= w.wanted()) {
                        LockSupport.unpark(w.thread());
                    }
                }
            }
        } finally {
            finish();
        }
    }

    /** No more bytes will come (all arrived, or the transfer failed). */
    void finish() {
        finished = true;
        for (Waiter w : waiters) {
            LockSupport.unpark(w.thread());
        }
    }

    @Override
    public void await(int end) throws InterruptedException {
        if (filled >= end || finished) {
            return;
        }
        // Registered before checking again: the reader either sees this wish or we see its progress (all volatile).
        Waiter w = new Waiter(Thread.currentThread(), end);
        waiters.add(w);
        try {
            while (filled < end && !finished) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiters.remove(w);
        }
    }

    @Override
    public boolean arrived(int end) {
        return filled >= end || finished;
    }

    @Override
    public int awaitReceived(int end) throws InterruptedException {
        await(end);
        return filled;
    }
}
