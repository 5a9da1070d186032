package io.github.prismaregistry.engine;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.console.IncomingBody;
import io.github.prismaregistry.settings.RegistrySettings;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Saves a list body to a backup file while it is still arriving, on a thread of its own, so that the backup costs
 * the writing run little more than forcing it to disk. Only a body that arrived complete and became the read's
 * result is ever handed out as a backup, and only once it is forced to disk; every other file is deleted by
 * {@link #close()}.
 */
final class BackupWhileReceiving implements IncomingBody.Observer, AutoCloseable {

    /** Bytes written per call: small enough for the stream's native buffer, large enough to keep calls few. */
    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS_PER_WAIT = 4;

    private final Backups backups;
    private final List<Saving> savings = new ArrayList<>();

    BackupWhileReceiving(Backups backups) {
        this.backups = backups;
    }

    /** One body being saved. */
    private final class Saving implements Runnable {
        final IncomingBody body;
        final Path file;
        final CompletableFuture<Void> written = new CompletableFuture<>();
        volatile boolean abandoned;
        boolean kept;

        Saving(IncomingBody body, Path file) {
            this.body = body;
            this.file = file;
        }

        @Override
        public void run() {
            byte[] bytes = body.array();
            try (FileOutputStream out = new FileOutputStream(file.toFile())) {
                int done = 0;
                while (done < bytes.length && !abandoned) {
                    // Waits for several chunks at a time: waking up for each one costs the busy cores more than it saves.
                    int received = body.awaitReceived((int) Math.min(bytes.length, (long) done + CHUNK * CHUNKS_PER_WAIT));
                    if (received <= done) {
                        throw new IOException("the list body ended after " + received + " of " + bytes.length + " bytes");
                    }
                    while (done < received && !abandoned) {
                        int piece = Math.min(CHUNK, received - done);
                        out.write(bytes, done, piece);
                        done += piece;
                    }
                }
                if (!abandoned) {
                    out.getFD().sync();
                }
                written.complete(null);
            } catch (IOException | RuntimeException | InterruptedException e) {
                written.completeExceptionally(e);
            }
        }
    }

    @Override
    public synchronized void receiving(IncomingBody body) {
        Path file;
        try {
            file = backups.newFile();
        } catch (InvalidRequestException e) {
            return; // no early copy; the write then saves the backup itself and reports why it cannot
        }
        Saving saving = new Saving(body, file);
        savings.add(saving);
        Thread writer = new Thread(saving, "prisma-registry-backup");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The backup of {@code settings}, complete and on disk; null when {@code settings} was not received while
     * observed (then save it another way).
     *
     * @throws InvalidRequestException when the file could not be written completely: nothing may be written then
     */
    synchronized Path completed(RegistrySettings settings) throws InvalidRequestException, InterruptedException {
        for (Saving saving : savings) {
            if (settings.receivedInto(saving.body.array())) {
                try {
                    saving.written.get();
                } catch (ExecutionException e) {
                    throw backups.cannotSave((Exception) e.getCause());
                }
                saving.kept = true;
                return saving.file;
            }
        }
        return null;
    }

    /**
     * Stops every copy that was not handed out as a backup; its writer deletes the file once it lets go of it. The
     * caller does not wait for that: a run with nothing to write must not wait for a copy it does not need to reach the
     * disk.
     */
    @Override
    public synchronized void close() {
        for (Saving saving : savings) {
            if (!saving.kept) {
                saving.abandoned = true;
                Abandoned.track(saving.file, saving.written);
            }
        }
        savings.clear();
    }

    /**
     * Copies stopped but perhaps still being written. Each is deleted when its writer finishes, and any still pending
     * when the JVM exits (a command-line run ends right after its result) is waited for briefly and deleted then.
     */
    static final class Abandoned {
        private static final Map<Path, CompletableFuture<Void>> PENDING = new ConcurrentHashMap<>();
        private static final long EXIT_WAIT_MILLIS = 5_000;
        private static boolean hookAdded;

        private Abandoned() {
        }

        static void track(Path file, CompletableFuture<Void> written) {
            addHookOnce();
            PENDING.put(file, written);
            written.whenComplete((ok, failed) -> {
                Backups.deleteQuietly(file);
                PENDING.remove(file);
            });
        }

        /** How many stopped copies are not deleted yet. */
        static int pending() {
            return PENDING.size();
        }

        private static synchronized void addHookOnce() {
            if (hookAdded) {
                return;
            }
            hookAdded = true;
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Abandoned::deleteAtExit, "prisma-registry-backup-cleanup"));
            } catch (IllegalStateException | SecurityException e) {
                // Already shutting down, or not allowed: each writer still deletes its own file.
            }
        }

        private static void deleteAtExit() {
            long deadline = System.nanoTime() + EXIT_WAIT_MILLIS * 1_000_000;
            for (Map.Entry<Path, CompletableFuture<Void>> e : PENDING.entrySet()) {
                try {
                    e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                    // deleted below all the same
                }
                Backups.deleteQuietly(e.getKey());
            }
        }
    }
}
