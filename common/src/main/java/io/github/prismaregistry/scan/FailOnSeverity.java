package io.github.prismaregistry.scan;

import io.github.prismaregistry.api.InvalidRequestException;

import java.util.Locale;

/** The lowest severity that fails the gate, or {@link #NONE}: report only, never fail. */
public enum FailOnSeverity {
    CRITICAL(Severity.CRITICAL), HIGH(Severity.HIGH), MEDIUM(Severity.MEDIUM), LOW(Severity.LOW), NONE(null);

    private final Severity lowest;

    FailOnSeverity(Severity lowest) {
        this.lowest = lowest;
    }

    /** {@code critical}, {@code high}, {@code medium}, {@code low} or {@code none}, in any case. */
    public static FailOnSeverity parse(String value) throws InvalidRequestException {
        if (value != null) {
            for (FailOnSeverity level : values()) {
                if (level.name().equalsIgnoreCase(value.trim())) {
                    return level;
                }
            }
        }
        throw new InvalidRequestException("failOnSeverity", "failOnSeverity '" + value + "' is not one of critical, high,"
                + " medium, low or none");
    }

    /** True when a vulnerability of this severity fails the gate. */
    public boolean fails(Severity severity) {
        return lowest != null && severity.compareTo(lowest) <= 0;
    }

    /** Lower case, as the parameter is written. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
