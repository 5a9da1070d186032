package io.github.prismaregistry.engine;

import io.github.prismaregistry.console.IncomingBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BackupWhileReceivingTest {

    @TempDir
    Path directory;

    /** A body whose bytes arrive only when the test lets them. */
    private static final class HeldBody implements IncomingBody {
        private final byte[] bytes = new byte[4 * 1024 * 1024];
        private final CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch waitedFor = new CountDownLatch(1);

        @Override
        public byte[] array() {
            return bytes;
        }

        @Override
        public int awaitReceived(int end) throws InterruptedException {
            waitedFor.countDown();
            release.await();
            return bytes.length;
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }

    @Test
    void closingDoesNotWaitForACopyNobodyNeedsAndItsWriterDeletesTheFile() throws Exception {
        HeldBody body = new HeldBody();
        BackupWhileReceiving early = new BackupWhileReceiving(new Backups(directory));
        early.receiving(body);
        assertThat(body.waitedFor.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files()).hasSize(1);

        // The writer is blocked waiting for bytes: a close that waited for it would never return.
        early.close();
        assertThat(files()).hasSize(1);
        assertThat(BackupWhileReceiving.Abandoned.pending()).isPositive();

        body.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!files().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(files()).isEmpty();
    }
}
