package io.github.prismaregistry.scan;

import java.util.Locale;

/** The four severities the gate judges by, highest first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /**
     * The Console reports severities in each distro's own words; this maps them onto four levels: {@code important} is
     * high, {@code moderate} is medium, {@code negligible} and {@code unimportant} are low. Anything unknown counts as low.
     */
    public static Severity normalise(String consoleSeverity) {
        switch (consoleSeverity == null ? "" : consoleSeverity.trim().toLowerCase(Locale.ROOT)) {
            case "critical":
                return CRITICAL;
            case "high":
            case "important":
                return HIGH;
            case "medium":
            case "moderate":
                return MEDIUM;
            default:
                return LOW;
        }
    }

    /** Lower case, as in reports and parameters. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
