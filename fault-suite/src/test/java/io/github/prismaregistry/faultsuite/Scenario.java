package io.github.prismaregistry.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs one operation against the harness and accounts for every entry: what was there before must still be there
 * afterwards, except what the operation itself (or the foreign writer) intentionally removed.
 */
final class Scenario {

    enum Op { REGISTER, UNREGISTER }

    interface Body {
        RegistrationResult run() throws PrismaRegistryException, InterruptedException;
    }

    private final String name;
    private final Harness h;
    private final Op op;
    private final String repository;
    private final List<Predicate<JsonNode>> intentionallyRemoved = new ArrayList<>();
    private final List<JsonNode> foreignAdditions = new ArrayList<>();
    private Duration settle = Duration.ZERO;
    private boolean finalStateIsOurs = true;
    private boolean errorExpected;

    Scenario(String name, Harness h, Op op, String repository) {
        this.name = name;
        this.h = h;
        this.op = op;
        this.repository = repository;
    }

    /** The foreign writer removes entries matching this on purpose; their absence is no loss. */
    Scenario foreignRemoves(Predicate<JsonNode> removed) {
        intentionallyRemoved.add(removed);
        return this;
    }

    /** The foreign writer adds this entry during the run; reported if it does not survive. */
    Scenario foreignAdds(ObjectNode entry) {
        foreignAdditions.add(entry);
        return this;
    }

    /** Wait this long after the operation, so held requests that land late are counted. */
    Scenario settle(Duration settle) {
        this.settle = settle;
        return this;
    }

    /** Someone writes after our last request, so our entry's final state is theirs to decide. */
    Scenario othersWriteLast() {
        this.finalStateIsOurs = false;
        return this;
    }

    /** A typed error is the only correct outcome (e.g. the list is full). */
    Scenario errorExpected() {
        this.errorExpected = true;
        return this;
    }

    ScenarioRow run(Body body) throws InterruptedException {
        List<ObjectNode> before = h.sim.specifications();
        Multiset mustPersist = new Multiset();
        for (ObjectNode e : before) {
            boolean oursToRemove = op == Op.UNREGISTER && Harness.isOurs(e, repository);
            boolean foreignRemoved = intentionallyRemoved.stream().anyMatch(p -> p.test(e));
            if (!oursToRemove && !foreignRemoved) {
                mustPersist.add(e);
            }
        }
        // Our own entry already present before a register is someone's entry too: it must persist.
        h.sim.clearRequests();

        RegistrationResult result = null;
        Exception error = null;
        long start = System.nanoTime();
        try {
            result = body.run();
        } catch (PrismaRegistryException | RuntimeException e) {
            error = e;
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long remaining = settle.toMillis() - elapsedMillis;
        if (remaining > 0) {
            Thread.sleep(remaining);
        }

        List<ObjectNode> after = h.sim.specifications();
        Multiset afterSet = Multiset.of(after);
        int lost = mustPersist.missingFrom(afterSet);
        long ours = after.stream().filter(e -> Harness.isOurs(e, repository)).count();
        int duplicates = (int) Math.max(0, ours - 1);

        List<String> problems = new ArrayList<>();
        StringBuilder outcome = new StringBuilder();
        if (error == null) {
            outcome.append(result.action()).append(" (").append(result.writes()).append(" writes");
            if (result.duplicates() > 0) {
                outcome.append(", engine saw ").append(result.duplicates()).append(" extra copies");
            }
            outcome.append(')');
            if (errorExpected) {
                problems.add("succeeded where only a typed error is correct");
            }
            if (finalStateIsOurs) {
                if (op == Op.REGISTER && (result.action() == Action.ADDED || result.action() == Action.UPDATED)
                        && ours == 0) {
                    problems.add("reported " + result.action() + " but our entry is absent");
                }
                if (op == Op.UNREGISTER && result.action() == Action.REMOVED && ours > 0) {
                    problems.add("reported REMOVED but " + ours + " copies of our entry remain");
                }
            }
            if (result.toMap().toString().contains(Harness.CANARY)) {
                problems.add("the result shows the password");
            }
        } else if (error instanceof PrismaRegistryException) {
            outcome.append("typed error ").append(error.getClass().getSimpleName()).append(": ")
                    .append(firstLine(error.getMessage()));
            if (String.valueOf(error.getMessage()).contains(Harness.CANARY)) {
                problems.add("the error message shows the password");
            }
        } else {
            outcome.append("UNTYPED ").append(error);
            problems.add("an untyped " + error.getClass().getName() + " escaped: " + error.getMessage());
        }
        long foreignLost = foreignAdditions.stream().filter(e -> after.stream().noneMatch(e::equals)).count();
        if (foreignLost > 0) {
            outcome.append("; note: ").append(foreignLost).append(" foreign entry added during the run was"
                    + " overwritten (it did not exist when we read the list)");
        }
        if (!finalStateIsOurs && op == Op.REGISTER && error == null && ours == 0) {
            outcome.append("; note: a foreign write after our verify erased our entry");
        }
        if (!finalStateIsOurs && op == Op.UNREGISTER && error == null && ours > 0) {
            outcome.append("; note: a foreign write after our verify brought our entry back");
        }
        synchronized (h.logLines) {
            if (h.logLines.stream().anyMatch(l -> l.contains(Harness.CANARY))) {
                problems.add("a log line shows the password");
            }
        }
        if (h.backupsContainCanary()) {
            problems.add("a backup file holds the password");
        }
        if (!problems.isEmpty()) {
            outcome.append("; WRONG: ").append(String.join("; ", problems));
        }

        ScenarioRow row = new ScenarioRow(name, h.ourWrites(), before.size(), after.size(), lost, duplicates,
                outcome.toString(), (int) foreignLost);
        ScenarioReport.record(row);
        assertThat(lost).as("entries lost in '%s' (%s)", name, outcome).isZero();
        assertThat(problems).as("problems in '%s'", name).isEmpty();
        return row;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 110 ? line.substring(0, 110) + "..." : line;
    }
}
