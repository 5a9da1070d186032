package io.github.prismaregistry.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexing a list while its bytes arrive must give exactly the index of the complete body, or nothing: never an
 * index built from bytes that had not arrived.
 */
class IndexWhileArrivingTest {

    private static byte[] seededBody(int entries, ObjectNode extra) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("webhookUrlSuffix", "w");
        List<ObjectNode> seeded = ConsoleSimulator.seedEntries(entries);
        root.putArray("specifications").addAll(seeded.subList(0, entries / 2));
        if (extra != null) {
            root.withArray("specifications").add(extra);
        }
        root.withArray("specifications").addAll(seeded.subList(entries / 2, entries));
        root.put("harborScannerUrlSuffix", "h");
        return Json.bytes(root);
    }

    /** Copies the source into the target only as far as the reader asks: anything further reads as 0. */
    private static final class OnDemand implements RegistrySettings.Arrival {
        private final byte[] source;
        private final byte[] target;
        private int copied;
        /** How often the reader had to wait for bytes that were not there yet. */
        private int waits;

        OnDemand(byte[] source, byte[] target) {
            this.source = source;
            this.target = target;
        }

        @Override
        public void await(int end) {
            if (end > copied) {
                waits++;
                System.arraycopy(source, copied, target, copied, end - copied);
                copied = end;
            }
        }

        @Override
        public boolean arrived(int end) {
            return end <= copied;
        }
    }

    private static void assertSameIndex(RegistrySettings arriving, RegistrySettings complete) {
        assertThat(arriving.size()).isEqualTo(complete.size());
        int[] all = new int[complete.size()];
        Arrays.setAll(all, i -> i);
        assertThat(arriving.putBody(all, new JsonNode[all.length])).isEqualTo(complete.putBody(all, new JsonNode[all.length]));
        for (int i = 0; i < complete.size(); i++) {
            for (String field : new String[]{"version", "registry", "repository", "tag"}) {
                assertThat(arriving.text(i, field)).isEqualTo(complete.text(i, field));
            }
        }
    }

    @Test
    void aBodyReadOnlyAsFarAsAskedGivesTheIndexOfTheCompleteBody() throws Exception {
        byte[] body = seededBody(3_000, null);
        byte[] target = new byte[body.length];

        OnDemand arrival = new OnDemand(body, target);
        RegistrySettings arriving = RegistrySettings.indexWhileArriving(target, arrival);

        assertThat(arriving).isNotNull();
        assertSameIndex(arriving, RegistrySettings.parse(body));
        // Once caught up, the pass waits for half a megabyte more, not for the next entry's few hundred bytes.
        assertThat(arrival.waits).isLessThanOrEqualTo(body.length / (512 * 1024) + 2);
    }

    @Test
    void anEntryLargerThanTheLookAheadGivesNoIndexRatherThanAWrongOne() throws Exception {
        ObjectNode huge = Json.MAPPER.createObjectNode();
        // Larger than the window plus what the pass waits for once it has caught up (64 KB + 512 KB).
        huge.put("version", "2").put("registry", "r.example").put("repository", "big").put("caCert", "x".repeat(1_000_000));
        byte[] body = seededBody(400, huge);
        byte[] target = new byte[body.length];

        assertThat(RegistrySettings.indexWhileArriving(target, new OnDemand(body, target))).isNull();
        // The complete body itself is fine.
        assertThat(RegistrySettings.parse(body).indexed()).isTrue();

        // An entry that fits in what the pass waited for is indexed, and right.
        ObjectNode large = huge.deepCopy().put("caCert", "x".repeat(200_000));
        byte[] fits = seededBody(400, large);
        byte[] fitsTarget = new byte[fits.length];
        RegistrySettings arriving = RegistrySettings.indexWhileArriving(fitsTarget, new OnDemand(fits, fitsTarget));
        assertThat(arriving).isNotNull();
        assertSameIndex(arriving, RegistrySettings.parse(fits));
    }

    @Test
    void aTransferThatStopsEarlyGivesNoIndex() throws Exception {
        byte[] body = seededBody(500, null);
        for (int cut : new int[]{1, body.length / 3, body.length / 2, body.length - 2}) {
            byte[] target = new byte[body.length];
            System.arraycopy(body, 0, target, 0, cut);
            // The transfer failed: no more bytes will come, await returns at once.
            assertThat(RegistrySettings.indexWhileArriving(target, end -> {
            })).as("cut at %d", cut).isNull();
        }
    }

    @Test
    void aBodyFilledByAnotherThreadInRandomChunksGivesTheIndexOfTheCompleteBody() throws Exception {
        byte[] body = seededBody(3_000, null);
        RegistrySettings complete = RegistrySettings.parse(body);
        for (int round = 0; round < 5; round++) {
            byte[] target = new byte[body.length];
            Object lock = new Object();
            int[] filled = {0};
            Random random = new Random(round);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread feeder = new Thread(() -> {
                int n = 0;
                while (n < body.length) {
                    int chunk = Math.min(body.length - n, 1 + random.nextInt(20_000));
                    System.arraycopy(body, n, target, n, chunk);
                    n += chunk;
                    synchronized (lock) {
                        filled[0] = n;
                        lock.notifyAll();
                    }
                    if (random.nextInt(8) == 0) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            failure.set(e);
                            return;
                        }
                    }
                }
            });
            feeder.start();
            RegistrySettings arriving = RegistrySettings.indexWhileArriving(target, end -> {
                synchronized (lock) {
                    while (filled[0] < end) {
                        lock.wait();
                    }
                }
            });
            feeder.join();
            assertThat(failure.get()).isNull();
            assertThat(arriving).as("round %d", round).isNotNull();
            assertSameIndex(arriving, complete);
        }
    }
}
