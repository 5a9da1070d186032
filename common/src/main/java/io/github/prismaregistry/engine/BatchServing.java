package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.ConsoleRejectedException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves registrations that waited for the same Console together, on the thread whose turn it is: one read of the
 * list for all of them, a plan for each against it, one POST per missing entry, one verifying read. What does not
 * fit that shape (updates and removals, which replace the list; a Console without POST; an entry another one in the
 * batch already adds; an entry that is missing after its POST) is served afterwards as if it had come alone. Each
 * registration ends with its own result or error, and one's failure never fails another.
 */
final class BatchServing {

    /** Serves the connection of the first registration; the others share its key, so the same Console sees the same requests. */
    private final RegistrationEngine engine;
    private final List<Run> batch;
    private final List<Run> alone = new ArrayList<>();

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
                batch.addAll(latecomers.get());
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
            }
        }
        for (Run run : alone) {
            run.finish(() -> run.engine().executeAlone(run));
        }
    }

    /** Ends every registration that needs no write; returns those one POST each serves. */
    private List<Run> plan(RegistrySettings current) {
        List<Run> adding = new ArrayList<>();
        List<ObjectNode> added = new ArrayList<>();
        for (Run run : batch) {
            run.servedBy = engine.client;
            run.engine().read(run, current);
            Plan plan = run.plan(current);
            if (!plan.writes()) {
                run.finish(() -> run.engine().nothingToWrite(run, plan, current));
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
        Path file;
        try {
            file = early.completed(current);
            if (file == null) {
                file = engine.backups.write(current);
            }
        } catch (InvalidRequestException | InterruptedException e) {
            failAll(adding, e);
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

    /** One verifying read for every POST; an entry it does not show is written again alone. */
    private void verify(List<Run> posted, RegistrySettings current) {
        RegistrySettings after;
        try {
            after = engine.client.readSettings(current);
        } catch (PrismaRegistryException e) {
            posted.forEach(run -> run.fail(run.engine().readBackFailed(run, Action.ADDED, e)));
            return;
        } catch (RuntimeException | InterruptedException e) {
            failAll(posted, e);
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
