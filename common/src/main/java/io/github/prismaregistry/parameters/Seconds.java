package io.github.prismaregistry.parameters;

import java.time.Duration;

/** Durations as users write them: in seconds, never ISO-8601 ({@code PT-5S}). */
public final class Seconds {

    private Seconds() {
    }

    /** {@code 1 second}, {@code -5 seconds}, {@code 900 seconds}; {@code null} reads "unset". */
    public static String describe(Duration duration) {
        if (duration == null) {
            return "unset";
        }
        return describe(duration.toSeconds());
    }

    public static String describe(long seconds) {
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
