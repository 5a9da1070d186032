package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.ConsoleRejectedException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.Plural;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.UnsafeWriteException;
import io.github.prismaregistry.console.ConsoleClient;
import io.github.prismaregistry.console.WriteOutcomeUnknownException;
import io.github.prismaregistry.engine.RegistrationEngine.Run;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.settings.EntryIdentity;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.settings.MalformedSettingsException;
import io.github.prismaregistry.settings.RegistrySettings;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves registrations that waited for the same Console together, on the thread whose turn it is: one read of the
 * list for all of them, a plan for each against it, one POST per missing entry, one verifying read. Removals in a
 * batch that adds nothing share one PUT of the list without their entries, and one verifying read. What does not fit
 * that shape (updates, which replace an entry; removals in a batch that also adds; a Console without POST; an entry
 * another one in the batch already adds; an entry that is missing, or still there, after its write) is served
 * afterwards as if it had come alone. Each registration ends with its own result or error, and one's failure never
 * fails another, except that a removal PUT which fails fails the removals it carried.
 */
final class BatchServing {

    /** Serves the connection of the first registration; the others share its key, so the same Console sees the same requests. */
    private final RegistrationEngine engine;
    private final List<Run> batch;
    private final List<Run> alone = new ArrayList<>();
    /** Removals planned against the batch's read, and their plans, in the same order. */
    private final List<Run> removing = new ArrayList<>();
    private final List<Plan> removals = new ArrayList<>();

    private BatchServing(List<Run> batch) {
        this.engine = batch.get(0).engine();
        this.batch = batch;
    }

    /** Serves {@code batch}, and those of {@code latecomers} that came while its list was being read. */
    static void serve(List<Run> batch, Supplier<List<Run>> latecomers) {
        new BatchServing(new ArrayList<>(batch)).serve(latecomers);
    }

    /** Dry runs of one call: one read, a plan for each, nothing written. */
    static void dryRunTogether(List<Run> dry) {
        if (dry.size() == 1) {
            Run run = dry.get(0);
            run.finish(() -> run.engine().dryRun(run));
            return;
        }
        RegistrySettings current;
        try {
            current = dry.get(0).engine().client.readSettings();
        } catch (PrismaRegistryException | RuntimeException | InterruptedException e) {
            failAll(dry, e);
            return;
        }
        for (Run run : dry) {
            run.finish(() -> run.engine().dryRun(run, current));
        }
    }

    private void serve(Supplier<List<Run>> latecomers) {
        try (BackupWhileReceiving early = new BackupWhileReceiving(engine.backups)) {
            RegistrySettings current;
            try {
                current = engine.client.readSettings(early);
            } catch (PrismaRegistryException | RuntimeException | InterruptedException e) {
                // Latecomers are left for a turn of their own: this read's failure is not theirs.
                failAll(batch, e);
                return;
            }
            // Registrations that came while the list was read would read the same list again after this turn.
            batch.addAll(latecomers.get());
            if (batch.size() == 1) {
                Run run = batch.get(0);
                run.finish(() -> run.engine().executeOn(run, current, early));
                return;
            }
            List<Run> adding = plan(current);
            if (!adding.isEmpty()) {
                add(adding, current, early);
            } else if (!removing.isEmpty()) {
                remove(current, early);
            }
            if (!adding.isEmpty()) {
                // One PUT built from this read would erase what the POSTs just added: each removal reads again.
                alone.addAll(removing);
            }
        }
        for (Run run : alone) {
            run.finish(() -> run.engine().executeAlone(run));
        }
    }

    /**
     * Ends every registration that needs no write; returns those one POST each serves, and collects the removals
     * one PUT may serve together.
     */
    private List<Run> plan(RegistrySettings current) {
        List<Run> adding = new ArrayList<>();
        List<ObjectNode> added = new ArrayList<>();
        Set<Integer> removed = new HashSet<>();
        for (Run run : batch) {
            run.servedBy = engine.client;
            run.engine().read(run, current);
            Plan plan = run.plan(current);
            if (!plan.writes()) {
                run.finish(() -> run.engine().nothingToWrite(run, plan, current));
            } else if (plan.kind() == Plan.Kind.REMOVE) {
                // An entry two removals ask for is removed for the first; the second then finds it gone, as if alone.
                if (Arrays.stream(plan.removeIndexes()).noneMatch(removed::contains)) {
                    Arrays.stream(plan.removeIndexes()).forEach(removed::add);
                    removing.add(run);
                    removals.add(plan);
                } else {
                    alone.add(run);
                }
            } else if (plan.kind() != Plan.Kind.ADD || engine.postRefused || coveredByOneOf(added, run)) {
                alone.add(run);
            } else {
                adding.add(run);
                added.add(run.desired.entry());
            }
        }
        return adding;
    }

    /** Would an entry this batch is about to add cover this one? Then it is planned again once they are there. */
    private static boolean coveredByOneOf(List<ObjectNode> added, Run run) {
        if (added.isEmpty()) {
            return false;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("specifications").addAll(added);
        try {
            return Planner.planRegister(RegistrySettings.parse(Json.bytes(body)), run.desired, false).kind()
                    == Plan.Kind.ALREADY_COVERED;
        } catch (MalformedSettingsException e) {
            throw new IllegalStateException("a list built here cannot be read back", e);
        }
    }

    private void add(List<Run> adding, RegistrySettings current, BackupWhileReceiving early) {
        Path file = savedBackup(current, early, adding);
        if (file == null) {
            return;
        }
        Map<Path, Path> copies = new HashMap<>();
        List<Run> posted = new ArrayList<>();
        for (int k = 0; k < adding.size(); k++) {
            Run run = adding.get(k);
            if (!keepBackup(run, file, copies)) {
                continue;
            }
            if (current.size() + posted.size() >= RegistrationEngine.MAX_ENTRIES) {
                run.fail(RegistrationEngine.limit(current.size() + posted.size()));
                continue;
            }
            if (engine.postRefused) {
                alone.add(run);
                continue;
            }
            run.engine().logAdding(run);
            try {
                if (engine.post(run) == ConsoleClient.WriteStatus.DONE) {
                    posted.add(run);
                } else {
                    engine.postRefused = true;
                    alone.add(run);
                }
            } catch (WriteOutcomeUnknownException e) {
                run.engine().log.warn("No clear answer to the POST (" + e.getMessage() + "); reading the list to see whether it landed.");
                posted.add(run);
            } catch (ConsoleRejectedException e) {
                run.finish(() -> {
                    throw engine.limitOr(e);
                });
            } catch (PrismaRegistryException | RuntimeException e) {
                run.fail(e);
            } catch (InterruptedException e) {
                failAll(adding.subList(k, adding.size()), e);
                failAll(posted, e);
                return;
            }
        }
        if (!posted.isEmpty()) {
            verify(posted, current);
        }
    }

    /**
     * Every removal of the batch in one PUT of the list as read, minus their entries (checked by the same rule as a
     * single removal's PUT), and one verifying read. A removal whose entry is still there after it is done again alone.
     */
    private void remove(RegistrySettings current, BackupWhileReceiving early) {
        Path file = savedBackup(current, early, removing);
        if (file == null) {
            return;
        }
        Map<Path, Path> copies = new HashMap<>();
        List<Run> runs = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (int k = 0; k < removing.size(); k++) {
            if (keepBackup(removing.get(k), file, copies)) {
                runs.add(removing.get(k));
                plans.add(removals.get(k));
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        Plan all = Plan.removingAll(plans);
        SafeList.Positions next;
        try {
            next = SafeList.apply(current.size(), all, null);
        } catch (UnsafeWriteException e) {
            failAll(runs, e);
            return;
        }
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            run.engine().log.info("Removing " + Plural.entries(plans.get(k).removeIndexes().length) + " " + run.describeEntry()
                    + " (one PUT of all " + Plural.entries(next.size()) + " for " + runs.size() + " removals at once, scanLater=true)");
        }
        try {
            engine.putCounted(current.putBody(next.sources(), next.added()), runs);
        } catch (PrismaRegistryException | RuntimeException | InterruptedException e) {
            failAll(runs, e);
            return;
        }
        verifyRemovals(runs, plans, all, current);
    }

    private void verifyRemovals(List<Run> runs, List<Plan> plans, Plan all, RegistrySettings current) {
        RegistrySettings after = readBack(runs, Action.REMOVED, current);
        if (after == null) {
            return;
        }
        int vanished = EntryIdentity.vanishedCount(current, all.removeIndexes(), after);
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            Plan plan = plans.get(k);
            run.entriesAfter = after.size();
            RegistrationEngine.reportVanished(run, vanished);
            if (Planner.countExactKey(after, run.desired) == 0) {
                run.finish(() -> run.engine().verified(run, Action.REMOVED, current.entry(plan.index()), after,
                        plan.removeIndexes().length));
            } else {
                run.engine().log.warn("The console's list still shows the removed entry after writing it (another client "
                        + "may have written it again at the same moment); reading the list and trying again.");
                alone.add(run);
            }
        }
    }

    /** The batch's backup of {@code current}, on disk; null when it could not be saved (then {@code runs} have failed). */
    private Path savedBackup(RegistrySettings current, BackupWhileReceiving early, List<Run> runs) {
        try {
            Path file = early.completed(current);
            return file != null ? file : engine.backups.write(current);
        } catch (InvalidRequestException | InterruptedException e) {
            failAll(runs, e);
            return null;
        }
    }

    /** The run's backup: the batch's file, or a copy in the run's own backup directory. False when that failed. */
    private boolean keepBackup(Run run, Path file, Map<Path, Path> copies) {
        Backups own = run.engine().backups;
        if (own.directory().equals(engine.backups.directory())) {
            run.engine().noteBackup(run, file);
            return true;
        }
        try {
            Path copy = copies.get(own.directory());
            if (copy == null) {
                copy = own.newFile();
                try (FileOutputStream out = new FileOutputStream(copy.toFile())) {
                    Files.copy(file, out);
                    out.getFD().sync();
                } catch (IOException | RuntimeException e) {
                    Backups.deleteQuietly(copy);
                    throw own.cannotSave(e);
                }
                copies.put(own.directory(), copy);
            }
            run.engine().noteBackup(run, copy);
            return true;
        } catch (InvalidRequestException e) {
            run.fail(e);
            return false;
        }
    }

    /** The verifying read after the batch's writes; null when it failed (then {@code runs} have failed). */
    private RegistrySettings readBack(List<Run> runs, Action action, RegistrySettings current) {
        try {
            return engine.client.readSettings(current);
        } catch (PrismaRegistryException e) {
            runs.forEach(run -> run.fail(run.engine().readBackFailed(run, action, e)));
        } catch (RuntimeException | InterruptedException e) {
            failAll(runs, e);
        }
        return null;
    }

    /** One verifying read for every POST; an entry it does not show is written again alone. */
    private void verify(List<Run> posted, RegistrySettings current) {
        RegistrySettings after = readBack(posted, Action.ADDED, current);
        if (after == null) {
            return;
        }
        // An add touches no entry of the list it was posted against.
        int vanished = EntryIdentity.vanishedCount(current, new int[0], after);
        for (Run run : posted) {
            run.entriesAfter = after.size();
            RegistrationEngine.reportVanished(run, vanished);
            if (Planner.countExactKey(after, run.desired) > 0) {
                run.finish(() -> run.engine().verified(run, Action.ADDED, run.desired.entry(), after, 0));
            } else {
                run.engine().log.warn("The console's list does not show the added entry after writing it (another client "
                        + "may have replaced the whole list at the same moment); reading the list and trying again.");
                alone.add(run);
            }
        }
    }

    private static void failAll(List<Run> runs, Exception e) {
        runs.forEach(run -> run.fail(e));
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
