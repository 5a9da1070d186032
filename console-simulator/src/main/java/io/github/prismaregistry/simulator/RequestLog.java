package io.github.prismaregistry.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's request log, bounded so that long benchmark runs do not exhaust the heap: beyond
 * {@code maxRequests} the oldest entries go, beyond {@code maxBodyBytes} the oldest bodies go.
 */
final class RequestLog {

    private final int maxRequests;
    private final long maxBodyBytes;
    private final AtomicLong sequence = new AtomicLong();
    private final ArrayList<RecordedRequest> entries = new ArrayList<>();
    private long bodyBytes;
    private int oldestWithBody;

    RequestLog(int maxRequests, long maxBodyBytes) {
        this.maxRequests = maxRequests;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sequence numbers step by two so a foreign write can be slotted just before the request that caused it. */
    long nextSequence() {
        return sequence.addAndGet(2);
    }

    synchronized void add(RecordedRequest request) {
        entries.add(request);
        if (request.hasBody()) {
            bodyBytes += request.bodyLength();
        }
        if (entries.size() > maxRequests) {
            int excess = entries.size() - maxRequests + Math.max(1, maxRequests / 10);
            excess = Math.min(excess, entries.size());
            List<RecordedRequest> oldest = entries.subList(0, excess);
            for (RecordedRequest gone : oldest) {
                if (gone.hasBody()) {
                    bodyBytes -= gone.bodyLength();
                }
            }
            oldest.clear();
            oldestWithBody = Math.max(0, oldestWithBody - excess);
        }
        while (bodyBytes > maxBodyBytes && oldestWithBody < entries.size()) {
            RecordedRequest candidate = entries.get(oldestWithBody);
            if (candidate.hasBody()) {
                bodyBytes -= candidate.bodyLength();
                entries.set(oldestWithBody, candidate.withoutBody());
            }
            oldestWithBody++;
        }
    }

    synchronized List<RecordedRequest> snapshot() {
        List<RecordedRequest> copy = new ArrayList<>(entries);
        // Entries are added when answered; arrival order is what callers reason about.
        copy.sort(Comparator.comparingLong(RecordedRequest::sequence));
        return copy;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
        bodyBytes = 0;
        oldestWithBody = 0;
    }
}
