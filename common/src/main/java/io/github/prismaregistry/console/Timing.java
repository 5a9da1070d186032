package io.github.prismaregistry.console;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Back-off and renewal periods. Not user configuration: tests shorten them so a retry costs milliseconds.
 *
 * @param retryBase     first back-off after a failed request; doubled per attempt
 * @param retryMax      longest back-off
 * @param retryAfterCap longest wait a Console's {@code Retry-After} can impose
 * @param tokenMaxAge   log in again when the token is this old (SaaS tokens carry a 10-minute platform token)
 * @param verifyBase    first pause before re-reading the list when a write did not show up
 */
public record Timing(Duration retryBase, Duration retryMax, Duration retryAfterCap, Duration tokenMaxAge,
                     Duration verifyBase) {

    public static final Timing DEFAULT = new Timing(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofSeconds(1));

    /** Exponential back-off for {@code attempt} (0-based) with jitter: a random point in the upper half. */
    public long backoffMillis(int attempt) {
        return jitter(retryBase.toMillis(), attempt, retryMax.toMillis());
    }

    /** Back-off before re-reading after a write that was not confirmed. */
    public long verifyBackoffMillis(int attempt) {
        return jitter(verifyBase.toMillis(), attempt, Math.max(retryMax.toMillis(), verifyBase.toMillis()));
    }

    private static long jitter(long base, int attempt, long max) {
        long d = Math.min(max, base << Math.min(attempt, 20));
        if (d <= 1) {
            return Math.max(d, 0);
        }
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }
}
