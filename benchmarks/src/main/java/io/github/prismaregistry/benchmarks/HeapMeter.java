package io.github.prismaregistry.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Collectors;

/** Heap figures: pool peaks since a reset, and the live set after a forced collection. */
final class HeapMeter {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .collect(Collectors.toList());

    void resetPeaks() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of each heap pool's peak since the last reset: an upper bound, as pools peak at different moments. */
    long peakSum() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long used() {
        return heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** Heap still reachable: used after a full collection (G1 runs System.gc() as a full, stop-the-world one). */
    long liveAfterGc() {
        System.gc();
        return used();
    }
}
