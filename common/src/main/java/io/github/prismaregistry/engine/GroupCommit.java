package io.github.prismaregistry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Writing registrations to one Console (and project) in this JVM take turns, and those that wait are served
 * together by whichever holds the turn: one read of the list for all of them instead of one each. Only
 * registrations that may share a connection ({@link Member#batchKey()}: same address, credentials, TLS, proxy ...)
 * are served together; the others wait for a turn of their own.
 */
final class GroupCommit {

    /** One registration waiting to be served; completes exactly once, by whichever turn serves it. */
    interface Member {
        /** Registrations with equal keys may be served over the same connection. */
        String batchKey();

        boolean isDone();

        /** Waits for the outcome (set by another thread's turn), ignoring interrupts: its write may be on the way. */
        void awaitDone();

        /** Ends it, unserved, because its caller was interrupted while it waited. */
        void abandon(InterruptedException e);

        /** Ends it with {@code failure} if the turn that took it ended without deciding it (a bug): never wait forever. */
        void failIfOpen(Throwable failure);
    }

    // One per Console and project, shared by every registrar in this JVM (parallel branches, mvn -T).
    private static final ConcurrentMap<String, GroupCommit> CONSOLES = new ConcurrentHashMap<>();

    private final ReentrantLock turn = new ReentrantLock(true);
    private final List<Member> waiting = new ArrayList<>();

    static GroupCommit forConsole(String lockKey) {
        return CONSOLES.computeIfAbsent(lockKey, k -> new GroupCommit());
    }

    /**
     * Queues {@code members}, then waits for a turn; unless another turn served them all meanwhile, serves every
     * waiting registration that shares the first member's key with {@code serve} (which must complete each one).
     * {@code serve} may also take up, once it has read the list, the registrations that came while it read
     * (latecomers): they would otherwise wait for a turn of their own and read the same list again.
     *
     * @param onWait told once when the turn is taken by someone else
     * @throws InterruptedException when interrupted while none of {@code members} has been taken up yet
     */
    <M extends Member> void submit(List<M> members, Runnable onWait, BiConsumer<List<M>, Supplier<List<M>>> serve) throws InterruptedException {
        synchronized (waiting) {
            waiting.addAll(members);
        }
        if (!turn.tryLock()) {
            onWait.run();
            try {
                turn.lockInterruptibly();
            } catch (InterruptedException e) {
                List<M> takenUp = new ArrayList<>();
                synchronized (waiting) {
                    for (M m : members) {
                        if (!waiting.remove(m)) {
                            takenUp.add(m);
                        }
                    }
                }
                if (takenUp.isEmpty()) {
                    throw e;
                }
                // Taken up by another turn already: their outcome is coming and must be reported.
                members.stream().filter(m -> !takenUp.contains(m)).forEach(m -> m.abandon(e));
                takenUp.forEach(Member::awaitDone);
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            while (!members.stream().allMatch(Member::isDone)) {
                String key = members.get(0).batchKey();
                List<M> batch = take(key, members);
                if (batch.isEmpty()) {
                    break;
                }
                List<M> taken = new ArrayList<>(batch);
                Supplier<List<M>> latecomers = () -> {
                    List<M> late = take(key, members);
                    taken.addAll(late);
                    return late;
                };
                try {
                    serve.accept(batch, latecomers);
                } catch (RuntimeException | Error e) {
                    taken.forEach(m -> m.failIfOpen(e));
                    throw e;
                } finally {
                    taken.forEach(m -> m.failIfOpen(new IllegalStateException("a registration was taken up but not served")));
                }
            }
        } finally {
            turn.unlock();
        }
        members.forEach(Member::awaitDone);
    }

    /** Every waiting registration with {@code key}, in the order they came; those of another kind stay queued. */
    @SuppressWarnings("unchecked")
    private <M extends Member> List<M> take(String key, List<M> like) {
        List<M> batch = new ArrayList<>();
        synchronized (waiting) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Member m = it.next();
                // Same key implies the same engine class of member: the cast holds.
                if (m.batchKey().equals(key) && like.get(0).getClass() == m.getClass()) {
                    batch.add((M) m);
                    it.remove();
                }
            }
        }
        return batch;
    }
}
