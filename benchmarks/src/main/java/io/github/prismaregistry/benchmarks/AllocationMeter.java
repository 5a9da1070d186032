package io.github.prismaregistry.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bytes allocated on the heap by the client side of one operation: the calling thread plus the HTTP client's own
 * threads (OkHttp's, or the JDK client's selector and workers), read from each thread's allocation counter. The
 * simulator runs in the same JVM on its own threads, which are left out. These counters do not depend on when the
 * garbage collector runs, unlike heap usage.
 */
final class AllocationMeter {

    /** Thread names of both clients' helper threads. */
    static final Predicate<Thread> CLIENT_HELPERS =
            t -> t.getName().startsWith("OkHttp") || t.getName().startsWith("HttpClient-");

    private final com.sun.management.ThreadMXBean threads;

    AllocationMeter() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Allocation counters of the calling thread and the client helper threads alive now. */
    Map<Long, Long> clientSnapshot() {
        Map<Long, Long> snapshot = new HashMap<>();
        Thread current = Thread.currentThread();
        snapshot.put(current.getId(), threads.getThreadAllocatedBytes(current.getId()));
        for (Thread t : liveThreads()) {
            if (t != current && CLIENT_HELPERS.test(t)) {
                snapshot.put(t.getId(), threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return snapshot;
    }

    /** Every thread's allocation since the JVM started, terminated threads included. */
    long totalAllocated() {
        return threads.getTotalThreadAllocatedBytes();
    }

    static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            if (e.getValue() < 0) {
                continue;
            }
            // A helper thread started during the operation counts from zero.
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        Thread[] live = new Thread[n];
        System.arraycopy(all, 0, live, 0, n);
        return live;
    }
}
