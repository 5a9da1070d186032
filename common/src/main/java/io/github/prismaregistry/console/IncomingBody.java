package io.github.prismaregistry.console;

/** A response body still being received into an array of its final length, for someone to follow as it arrives. */
public interface IncomingBody {

    /** The array the body is received into; a byte may be read once {@link #awaitReceived} has counted it. */
    byte[] array();

    /**
     * Waits until the first {@code end} bytes are in the array or the transfer has ended, and returns how many bytes
     * are in now: fewer than {@code end} only when the transfer ended early (failed).
     */
    int awaitReceived(int end) throws InterruptedException;

    /** Told about each list body as it starts to arrive. */
    @FunctionalInterface
    interface Observer {
        /** Called on the reading thread; must return at once (follow the body on another thread). */
        void receiving(IncomingBody body);
    }
}
