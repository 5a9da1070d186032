package io.github.prismaregistry.console;

import okio.Buffer;
import okio.Okio;
import okio.Pipe;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrivingBodyTest {

    @Test
    void aWaitingReaderWakesAsTheBytesArriveAndSeesThem() throws Exception {
        Pipe pipe = new Pipe(1 << 20);
        ArrivingBody body = new ArrivingBody(10);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                body.readFrom(Okio.buffer(pipe.source()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var sink = Okio.buffer(pipe.sink());
        sink.writeUtf8("abcd").flush();
        body.await(4);
        assertThat(new String(body.bytes(), 0, 4)).isEqualTo("abcd");

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                body.await(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        sink.writeUtf8("efghij").flush();
        waiting.get(10, TimeUnit.SECONDS);
        reading.get(10, TimeUnit.SECONDS);
        assertThat(new String(body.bytes())).isEqualTo("abcdefghij");
    }

    @Test
    void aBodyThatEndsEarlyFailsTheReadAndReleasesTheWaiter() throws Exception {
        ArrivingBody body = new ArrivingBody(100);
        Buffer source = new Buffer().writeUtf8("only ten b");

        assertThatThrownBy(() -> body.readFrom(source)).isInstanceOf(EOFException.class).hasMessageContaining("10 of 100");
        body.await(100); // returns: nothing more will come
        assertThat(new String(body.bytes(), 0, 10)).isEqualTo("only ten b");
        assertThat(body.bytes()[10]).isZero();
    }

    @Test
    void anInterruptedWaiterStopsWaiting() throws Exception {
        ArrivingBody body = new ArrivingBody(100);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                body.await(50);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }
}
