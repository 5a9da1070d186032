package io.github.prismaregistry.faultsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects a row per scenario across all test classes and prints the whole table once, when the test run ends
 * (the root context's store closes its values then), so the evidence reads as one block in the build log.
 */
final class ScenarioReport implements BeforeAllCallback {

    private static final List<ScenarioRow> ROWS = new ArrayList<>();
    private static final String HEADER = String.format(Locale.ROOT, "%-78s | %10s | %14s | %13s | %4s | %10s | %s",
            "scenario", "our writes", "entries before", "entries after", "lost", "duplicates", "outcome");

    static synchronized void record(ScenarioRow row) {
        ROWS.add(row);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ScenarioReport.class, k -> new Printer(), Printer.class);
    }

    static String format(ScenarioRow r) {
        return String.format(Locale.ROOT, "%-78s | %10d | %14d | %13d | %4d | %10d | %s", r.scenario(), r.ourWrites(),
                r.entriesBefore(), r.entriesAfter(), r.lost(), r.duplicates(), r.outcome());
    }

    static synchronized String table() {
        StringBuilder b = new StringBuilder();
        b.append("FAULT SUITE RESULTS").append(System.lineSeparator());
        b.append(HEADER).append(System.lineSeparator());
        b.append("-".repeat(HEADER.length())).append(System.lineSeparator());
        int lost = 0;
        int duplicates = 0;
        int overwritten = 0;
        for (ScenarioRow r : ROWS) {
            b.append(format(r)).append(System.lineSeparator());
            lost += r.lost();
            duplicates += r.duplicates();
            overwritten += r.foreignOverwritten();
        }
        b.append("duplicate entries counted: ").append(duplicates).append(System.lineSeparator());
        b.append("foreign entries added mid-run and replaced by a later full-list write (not counted as lost: they"
                + " did not exist when the run began): ").append(overwritten).append(System.lineSeparator());
        b.append(ROWS.size()).append(" scenarios, ").append(lost).append(" lost").append(System.lineSeparator());
        return b.toString();
    }

    private static final class Printer implements AutoCloseable {
        @Override
        public void close() {
            System.out.println();
            System.out.print(table());
        }
    }
}
