package io.github.prismaregistry.engine;

import io.github.prismaregistry.parameters.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleRejectedException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.Plural;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryLimitException;
import io.github.prismaregistry.api.RegistryLog;
import io.github.prismaregistry.api.VerificationException;
import io.github.prismaregistry.console.ConsoleClient;
import io.github.prismaregistry.console.Timing;
import io.github.prismaregistry.console.WriteOutcomeUnknownException;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.settings.EntryIdentity;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.settings.RegistrySettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Read, plan, write, read back and verify. Adds by POST; replaces the list (PUT) only for updates, removals and
 * Consoles without POST, always from a GET taken just before and never losing an entry it was not asked to remove.
 */
public final class RegistrationEngine implements AutoCloseable {

    /** The most entries the Console accepts. */
    public static final int MAX_ENTRIES = RegistryLimitException.CONSOLE_LIMIT;

    /** Write rounds (write, read back) before giving up on an entry that keeps disappearing. */
    static final int WRITE_ROUNDS = 3;


    enum Operation { REGISTER, UNREGISTER }

    private final ConsoleConnection connection;
    final ConsoleClient client;
    final RegistryLog log;
    final Backups backups;
    private final Timing timing;
    private final String lockKey;
    /** Registrations with equal keys can share this engine's requests: the same Console, seen the same way. */
    private final String batchKey;
    volatile boolean postRefused;
    private volatile boolean projectChecked;

    private RegistrationEngine(ConsoleConnection connection, ConsoleClient client, Path backupDirectory, Timing timing) {
        this.connection = connection;
        this.client = client;
        this.log = client.log();
        this.backups = new Backups(backupDirectory);
        this.timing = timing;
        this.lockKey = client.url().lockKey() + "|" + (connection.project() == null ? "" : connection.project());
        this.batchKey = lockKey + "|" + ConnectionFingerprint.of(connection);
    }

    public static RegistrationEngine create(ConsoleConnection connection, RegistryLog log, Path backupDirectory, Timing timing)
            throws InvalidRequestException {
        ConsoleClient client = ConsoleClient.create(connection, log, timing == null ? Timing.DEFAULT : timing);
        return new RegistrationEngine(connection, client, backupDirectory, timing == null ? Timing.DEFAULT : timing);
    }

    public RegistrationResult register(RegistrationRequest request) throws PrismaRegistryException, InterruptedException {
        return single(Operation.REGISTER, request);
    }

    public RegistrationResult unregister(RegistrationRequest request) throws PrismaRegistryException, InterruptedException {
        return single(Operation.UNREGISTER, request);
    }

    /** Several registrations in one call, served together; each has its own outcome, and one's failure is its own. */
    public List<RegistrationOutcome> registerAll(List<RegistrationRequest> requests) throws InterruptedException {
        return runAll(Operation.REGISTER, requests);
    }

    /** {@link #registerAll} for unregistering. */
    public List<RegistrationOutcome> unregisterAll(List<RegistrationRequest> requests) throws InterruptedException {
        return runAll(Operation.UNREGISTER, requests);
    }

    /** The state of one register/unregister call. */
    final class Run implements GroupCommit.Member {
        final Operation op;
        final RegistrationRequest request;
        final DesiredEntry desired;
        final long startNanos = System.nanoTime();
        final List<String> warnings = new ArrayList<>();
        /** Write requests sent for this registration, repeats included. */
        int writes;
        /** The client whose requests served this registration: its own, or the one of the turn that served a batch. */
        ConsoleClient servedBy = client;
        int entriesBefore;
        int entriesAfter;
        Path firstBackup;
        /** Saves the first list read while it arrives; null on a dry run, which saves nothing. */
        BackupWhileReceiving early;
        /** The entry a full-list PUT added or changed; scanned on its own afterwards when a scan is wanted. */
        ObjectNode putEntry;

        Run(Operation op, RegistrationRequest request, DesiredEntry desired) {
            this.op = op;
            this.request = request;
            this.desired = desired;
        }

        Plan plan(RegistrySettings settings) {
            return op == Operation.REGISTER
                    ? Planner.planRegister(settings, desired, request.updateExisting())
                    : Planner.planUnregister(settings, desired);
        }

        String describeEntry() {
            return RegistrationResult.describe(Json.toMap(desired.entry()));
        }

        void warn(String warning) {
            warnings.add(warning);
            log.warn(warning);
        }

        RegistrationEngine engine() {
            return RegistrationEngine.this;
        }

        final CompletableFuture<RegistrationResult> outcome = new CompletableFuture<>();

        @Override
        public String batchKey() {
            return batchKey;
        }

        @Override
        public boolean isDone() {
            return outcome.isDone();
        }

        @Override
        public void awaitDone() {
            outcome.handle((result, failure) -> null).join();
        }

        @Override
        public void abandon(InterruptedException e) {
            outcome.completeExceptionally(e);
        }

        @Override
        public void failIfOpen(Throwable failure) {
            outcome.completeExceptionally(failure);
        }

        /** Runs {@code work} for this registration and records how it ended; never throws. */
        void finish(Work work) {
            try {
                outcome.complete(work.run());
            } catch (PrismaRegistryException | RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            } catch (InterruptedException e) {
                outcome.completeExceptionally(e);
                Thread.currentThread().interrupt();
            }
        }

        void fail(Exception e) {
            outcome.completeExceptionally(e);
        }
    }

    @FunctionalInterface
    interface Work {
        RegistrationResult run() throws PrismaRegistryException, InterruptedException;
    }

    /** A new registration, with the warnings about its connection. */
    private Run prepare(Operation op, RegistrationRequest request) throws InvalidRequestException {
        Run run = new Run(op, request, RequestValidator.desiredEntry(request));
        if (connection.insecureSkipTlsVerify() && client.url().isHttps()) {
            run.warn("TLS certificate verification is OFF for " + client.url() + " (" + connection.naming().spell(Parameters.SKIP_TLS_VERIFY) + "): anyone on the "
                    + "network path could pose as the console and capture the credentials. Set caCertificate to the "
                    + "console's CA instead.");
        }
        if (!client.url().isHttps() && !client.url().isLoopback()) {
            log.warn(connection.naming().spell(Parameters.CONSOLE_URL) + " uses http://: the credentials and the token travel unencrypted to " + client.url()
                    + ". Use https:// unless this network path is trusted.");
        }
        return run;
    }

    private RegistrationResult single(Operation op, RegistrationRequest request) throws PrismaRegistryException, InterruptedException {
        Run run = prepare(op, request);
        checkAgainstConsole(run);
        if (request.dryRun()) {
            return dryRun(run);
        }
        GroupCommit.forConsole(lockKey).submit(List.of(run), this::logWaiting, BatchServing::serve);
        try {
            return run.outcome.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private List<RegistrationOutcome> runAll(Operation op, List<RegistrationRequest> requests) throws InterruptedException {
        RegistrationOutcome[] outcomes = new RegistrationOutcome[requests.size()];
        List<Run> runs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                Run run = prepare(op, requests.get(i));
                checkAgainstConsole(run);
                runs.add(run);
                positions.add(i);
            } catch (PrismaRegistryException e) {
                outcomes[i] = RegistrationOutcome.failed(requests.get(i), e);
            }
        }
        // A dry run never joins registrations that write: the dry ones share one read of their own.
        List<Run> dry = runs.stream().filter(r -> r.request.dryRun()).toList();
        List<Run> writing = runs.stream().filter(r -> !r.request.dryRun()).toList();
        if (!dry.isEmpty()) {
            BatchServing.dryRunTogether(dry);
        }
        if (!writing.isEmpty()) {
            GroupCommit.forConsole(lockKey).submit(writing, this::logWaiting, BatchServing::serve);
        }
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            RegistrationRequest request = requests.get(positions.get(k));
            try {
                outcomes[positions.get(k)] = RegistrationOutcome.succeeded(request, run.outcome.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception failure) {
                    outcomes[positions.get(k)] = RegistrationOutcome.failed(request, failure);
                } else {
                    throw (Error) cause;
                }
            }
        }
        return List.of(outcomes);
    }

    private void logWaiting() {
        log.info("Waiting for another registration to the same console in this JVM to finish");
    }

    private static PrismaRegistryException rethrown(Throwable cause) throws InterruptedException {
        if (cause instanceof PrismaRegistryException e) {
            return e;
        }
        if (cause instanceof InterruptedException e) {
            throw e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) cause;
    }

    /** One registration alone: its own read (saved as it arrives), plan, write and verification. */
    RegistrationResult executeAlone(Run run) throws PrismaRegistryException, InterruptedException {
        run.servedBy = client;
        try (BackupWhileReceiving early = new BackupWhileReceiving(backups)) {
            run.early = early;
            return execute(run, readFirst(run));
        } finally {
            run.early = null;
        }
    }

    /** One registration alone, from {@code current}, which this engine's client read while {@code early} saved it. */
    RegistrationResult executeOn(Run run, RegistrySettings current, BackupWhileReceiving early)
            throws PrismaRegistryException, InterruptedException {
        run.servedBy = client;
        run.early = early;
        try {
            read(run, current);
            return execute(run, current);
        } finally {
            run.early = null;
        }
    }

    /** What a request is checked against on the Console before anything is written (the project once per engine). */
    private void checkAgainstConsole(Run run) throws PrismaRegistryException, InterruptedException {
        checkProject();
        if (run.op == Operation.REGISTER) {
            checkCredentialId(run);
        }
    }

    /**
     * What the Console does with a project it does not have is not documented, and a mistyped name must never get a
     * list of its own, so the name is checked against the projects the Console lists for this user before anything is read.
     */
    private void checkProject() throws PrismaRegistryException, InterruptedException {
        String project = connection.project();
        if (project == null || projectChecked) {
            return;
        }
        JsonNode projects = client.readForCheck("current/projects", false);
        List<String> names = new ArrayList<>();
        if (projects != null && projects.isArray()) {
            projects.forEach(p -> names.add(p.path("_id").asText("")));
        }
        if (projects == null || !projects.isArray() || names.contains(project)) {
            projectChecked = true;
            return;
        }
        String sameButCase = names.stream().filter(n -> n.equalsIgnoreCase(project)).findFirst().orElse(null);
        throw new InvalidRequestException(Parameters.PROJECT.name(), "The console at " + client.url() + " has no project '"
                + project + "' for this user" + (sameButCase == null ? "" : " (it has '" + sameButCase + "': names are case-sensitive)")
                + "; it lists " + quotedList(names) + ". Nothing was read or written. Use one of those names for "
                + spell(Parameters.PROJECT) + ", or leave it empty for the Central Console.");
    }

    /**
     * Whether the Console refuses an entry whose credential it does not have is not documented; if it accepts one, every
     * scan of the registry fails to log in. So the ID is looked up in the credentials store first, when the user may
     * read it (permission manageCreds).
     */
    private void checkCredentialId(Run run) throws PrismaRegistryException, InterruptedException {
        String id = run.desired.entry().path("credentialID").asText("");
        if (id.isEmpty()) {
            return;
        }
        JsonNode credentials = client.readForCheck("credentials", true);
        if (credentials == null || !credentials.isArray()) {
            log.info("Could not look up credential '" + id + "' in the console's credentials store (reading it needs the "
                    + "manageCreds permission); if no credential has that ID, scans of this registry will fail to log in.");
            return;
        }
        List<String> ids = new ArrayList<>();
        credentials.forEach(c -> ids.add(c.path("_id").asText("")));
        if (ids.contains(id)) {
            return;
        }
        throw new InvalidRequestException(Parameters.REGISTRY_CREDENTIAL_ID.name(), "The console at " + client.url()
                + " has no credential '" + id + "' in its credentials store (Manage > Authentication > Credentials store),"
                + " so Defenders could not log in to the registry. Nothing was written. " + (ids.isEmpty()
                ? "The store is empty: add the registry's credential there first."
                : "The store holds " + quotedList(ids) + "; set " + spell(Parameters.REGISTRY_CREDENTIAL_ID) + " to one of them."));
    }

    private static String quotedList(List<String> names) {
        int shown = Math.min(names.size(), 10);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        return names.isEmpty() ? "none" : b + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }

    private RegistrySettings readFirst(Run run) throws PrismaRegistryException, InterruptedException {
        RegistrySettings current = run.early == null ? client.readSettings() : client.readSettings(run.early);
        read(run, current);
        return current;
    }

    /** The run starts from {@code current}, read by the client that serves it. */
    void read(Run run, RegistrySettings current) {
        ConsoleClient client = run.servedBy;
        run.entriesBefore = current.size();
        run.entriesAfter = current.size();
        log.info("Read " + Plural.of(current.size(), "registry scan entry", "registry scan entries") + " from " + client.url() + " (console "
                + client.consoleVersion() + ", API " + client.apiVersion()
                + (connection.project() == null ? "" : ", project " + connection.project()) + ")");
    }

    RegistrationResult dryRun(Run run) throws PrismaRegistryException, InterruptedException {
        return dryRun(run, client.readSettings());
    }

    /** A dry run on a list read for it (or for several dry runs of one call). */
    RegistrationResult dryRun(Run run, RegistrySettings current) {
        read(run, current);
        Plan plan = run.plan(current);
        Action planned = actionOf(plan.kind());
        JsonNode entry = resultEntry(plan, current, run.desired);
        JsonNode covering = plan.kind() == Plan.Kind.ALREADY_COVERED ? current.entry(plan.index()) : null;
        if (plan.kind() == Plan.Kind.ADD && current.size() >= MAX_ENTRIES) {
            run.warn("The console holds " + Plural.entries(current.size()) + ", the most it accepts (" + MAX_ENTRIES
                    + "): adding this entry would fail.");
        }
        if (plan.kind() == Plan.Kind.REMOVE && plan.removeIndexes().length > 1) {
            run.warn(plan.removeIndexes().length + " entries have exactly this key; all of them would be removed.");
        }
        if (covering != null) {
            explainDifferences(run, current, plan.index());
        }
        log.info("Dry run, nothing written: " + planned + " " + RegistrationResult.describe(Json.toMap(entry))
                + (covering == null ? "" : ", covered by " + RegistrationResult.describe(publicMap(covering))));
        return result(run, Action.DRY_RUN, planned, entry, covering, Planner.countExactKey(current, run.desired));
    }

    private RegistrationResult execute(Run run, RegistrySettings current) throws PrismaRegistryException, InterruptedException {
        Plan plan = run.plan(current);
        if (!plan.writes()) {
            return nothingToWrite(run, plan, current);
        }
        Action action = actionOf(plan.kind());
        JsonNode entry = resultEntry(plan, current, run.desired);
        int found = plan.removeIndexes().length;
        for (int round = 0; ; round++) {
            Round done = write(run, plan, current);
            RegistrySettings after = readBack(run, action, done);
            run.entriesAfter = after.size();
            reportVanished(run, done, after);
            if (done.plan.writes() ? satisfied(run, done.plan, after) : !run.plan(after).writes()) {
                scanWhatThePutChanged(run);
                return verified(run, action, entry, after, found);
            }
            if (round + 1 >= WRITE_ROUNDS) {
                throw new VerificationException("The console at " + client.url() + " did not show the expected change ("
                        + action + " " + run.describeEntry() + ") after " + WRITE_ROUNDS + " writes: another client "
                        + "probably keeps replacing the whole registry list at the same time. Check who else writes the "
                        + "registry settings, then run again"
                        + (run.firstBackup == null ? "." : "; the list as read before the first write is in " + run.firstBackup + "."));
            }
            long wait = timing.verifyBackoffMillis(round);
            log.warn("The console's list does not show the " + action.name().toLowerCase() + " entry after writing it "
                    + "(another client may have replaced the whole list at the same moment); trying again in " + wait + " ms.");
            Thread.sleep(wait);
            current = client.readSettings(after);
            if (found == 0) {
                found = plan.removeIndexes().length;
            }
            plan = run.plan(current);
            if (!plan.writes()) {
                if (plan.kind() == Plan.Kind.ALREADY_COVERED && action != Action.UPDATED
                        && !Planner.isExactKey(current, plan.index(), run.desired)) {
                    run.warn("The added entry was removed by another client, but the list now holds "
                            + RegistrationResult.describe(publicMap(current.entry(plan.index()))) + ", which covers it.");
                    run.entriesAfter = current.size();
                    return result(run, Action.ALREADY_COVERED, Action.ALREADY_COVERED, run.desired.entry(),
                            current.entry(plan.index()), Planner.countExactKey(current, run.desired));
                }
                run.entriesAfter = current.size();
                return result(run, action, action, entry, null, run.op == Operation.UNREGISTER ? found
                        : Planner.countExactKey(current, run.desired));
            }
        }
    }

    /** The result of a change the verifying read shows. */
    RegistrationResult verified(Run run, Action action, JsonNode entry, RegistrySettings after, int found) {
        int copies = run.op == Operation.UNREGISTER ? found : Planner.countExactKey(after, run.desired);
        if (run.op == Operation.UNREGISTER && found > 1) {
            run.warn(found + " entries had exactly this key; all of them were removed.");
        }
        if (run.op == Operation.REGISTER && copies > 1) {
            run.warn(copies + " entries with exactly this key exist now (another client added the same "
                    + "entry); Prisma scans the repository once either way, and a later unregister removes them all.");
        }
        log.info(pastTense(action) + " " + RegistrationResult.describe(Json.toMap(entry)) + " and verified it; "
                + Plural.entries(after.size()) + " now.");
        return result(run, action, action, entry, null, copies);
    }

    /** The verifying read; when it fails, the write may well have landed, and the message must say so. */
    private RegistrySettings readBack(Run run, Action action, Round done) throws PrismaRegistryException, InterruptedException {
        try {
            return client.readSettings(done.base());
        } catch (PrismaRegistryException e) {
            throw readBackFailed(run, action, e);
        }
    }

    VerificationException readBackFailed(Run run, Action action, PrismaRegistryException e) {
        String change = switch (action) {
            case REMOVED -> "removal";
            case UPDATED -> "update";
            default -> "addition";
        };
        return new VerificationException("The " + change + " of "
                + run.describeEntry() + " was sent to " + client.url() + ", but reading the list back to verify it "
                + "failed: " + e.getMessage() + " Run the same registration again: it checks whether the change is "
                + "there and writes only if it is not"
                + (run.firstBackup == null ? "." : "; the list as read before the write is in " + run.firstBackup + "."), e);
    }

    /** What one write did: the list it was built on (or posted against) and the plan it carried out. */
    private record Round(RegistrySettings base, Plan plan) {
    }

    private Round write(Run run, Plan plan, RegistrySettings current) throws PrismaRegistryException, InterruptedException {
        if (plan.kind() != Plan.Kind.ADD) {
            putList(run, current, plan);
            return new Round(current, plan);
        }
        checkLimit(current);
        if (!postRefused) {
            backup(run, current);
            logAdding(run);
            try {
                if (post(run) == ConsoleClient.WriteStatus.DONE) {
                    return new Round(current, plan);
                }
            } catch (WriteOutcomeUnknownException e) {
                log.warn("No clear answer to the POST (" + e.getMessage() + "); reading the list to see whether it landed.");
                return new Round(current, plan);
            } catch (ConsoleRejectedException e) {
                throw limitOr(e);
            }
            postRefused = true;
            log.info("The console does not accept POST for single entries (older console); adding through GET and PUT "
                    + "of the whole list instead.");
        }
        // The PUT must be built from a GET taken just before it.
        RegistrySettings fresh = client.readSettings(current);
        Plan again = run.plan(fresh);
        if (!again.writes()) {
            return new Round(fresh, again);
        }
        checkLimit(fresh);
        putList(run, fresh, again);
        return new Round(fresh, again);
    }

    /**
     * A PUT always saves with scanLater=true: with false a Console may rescan every registry in the list, although one
     * entry changed. A removal needs no scan; an added or updated entry gets a scan of its own after the check.
     */
    private void putList(Run run, RegistrySettings base, Plan plan) throws PrismaRegistryException, InterruptedException {
        SafeList.Positions next = SafeList.apply(base.size(), plan, run.desired.entry());
        run.putEntry = switch (plan.kind()) {
            case UPDATE -> plan.updatedEntry();
            case ADD -> run.desired.entry();
            default -> null;
        };
        backup(run, base);
        log.info(switch (plan.kind()) {
            case ADD -> "Adding " + run.describeEntry();
            case UPDATE -> "Updating " + RegistrationResult.describe(publicMap(base.entry(plan.index())));
            default -> "Removing " + Plural.entries(plan.removeIndexes().length) + " " + run.describeEntry();
        } + " (PUT of all " + Plural.entries(next.size()) + ", scanLater=true"
                + (run.putEntry != null && !run.request.scanLater() ? "; a scan of this entry alone follows" : "") + ")");
        putCounted(base.putBody(next.sources(), next.added()), List.of(run));
    }

    /**
     * Sends a full-list PUT through this engine's client, counted as a write of each of {@code runs}. An answer that
     * leaves the outcome unknown is told on each run's log and returns normally: the verifying read decides.
     */
    void putCounted(byte[] body, List<Run> runs) throws PrismaRegistryException, InterruptedException {
        try {
            int before = client.writesByThisThread();
            try {
                client.put(body, true);
            } finally {
                int writes = client.writesByThisThread() - before;
                runs.forEach(run -> run.writes += writes);
            }
        } catch (WriteOutcomeUnknownException e) {
            runs.forEach(run -> run.engine().log.warn("No clear answer to the PUT (" + e.getMessage()
                    + "); reading the list to see whether it was applied."));
        } catch (ConsoleRejectedException e) {
            throw limitOr(e);
        }
    }

    /** POST the run's entry through this engine's client, counted as the run's writes. */
    ConsoleClient.WriteStatus post(Run run)
            throws PrismaRegistryException, InterruptedException, WriteOutcomeUnknownException {
        int before = client.writesByThisThread();
        try {
            return client.post(run.desired.entry(), run.request.scanLater());
        } finally {
            run.writes += client.writesByThisThread() - before;
        }
    }

    private void scanWhatThePutChanged(Run run) throws PrismaRegistryException, InterruptedException {
        if (run.putEntry == null || run.request.scanLater()) {
            return;
        }
        ObjectNode specification = run.putEntry.deepCopy();
        specification.remove("credential"); // the Console's own expansion of credentialID, not ours to send
        String notStarted = client.startSpecificationScan(specification);
        String what = RegistrationResult.describe(publicMap(specification));
        if (notStarted == null) {
            log.info("Asked the console to scan " + what + " (that entry alone).");
        } else {
            run.warn("The entry " + what + " is saved, but its scan was not started: " + notStarted + ". The console's next "
                    + "periodic registry scan covers it; set " + spell(Parameters.SCAN_LATER) + " to true to skip this request.");
        }
    }

    private void backup(Run run, RegistrySettings settings) throws InvalidRequestException, InterruptedException {
        // Saved while it arrived when it is the first read; complete and on disk either way before the write.
        Path file = run.early == null ? null : run.early.completed(settings);
        if (file == null) {
            file = backups.write(settings);
        }
        noteBackup(run, file);
    }

    void noteBackup(Run run, Path file) {
        if (run.firstBackup == null) {
            run.firstBackup = file;
            log.info("Saved the registry settings as read before the write to " + file);
        }
    }

    void logAdding(Run run) {
        log.info("Adding " + run.describeEntry() + " (POST, scanLater=" + run.request.scanLater() + ")");
    }

    private static void checkLimit(RegistrySettings current) throws RegistryLimitException {
        if (current.size() >= MAX_ENTRIES) {
            throw limit(current.size());
        }
    }

    static RegistryLimitException limit(int entries) {
        return new RegistryLimitException(entries, MAX_ENTRIES, "The console's registry scan list holds " + Plural.entries(entries)
                + "; Prisma Cloud accepts at most " + MAX_ENTRIES + ", so no entry can be added. Nothing was written. "
                + "Remove entries that are no longer needed (Defend > Vulnerabilities > Images > Registry settings), or replace "
                + "many single-repository entries by one pattern entry such as team/*, which this client treats as covering them.");
    }

    /** A 400 on a write at a full list is the limit (another client filled it meanwhile); anything else stays as it is. */
    PrismaRegistryException limitOr(ConsoleRejectedException e) throws PrismaRegistryException, InterruptedException {
        if (e.status() == 400) {
            RegistrySettings now = client.readSettings();
            if (now.size() >= MAX_ENTRIES) {
                return limit(now.size());
            }
        }
        return e;
    }

    private boolean satisfied(Run run, Plan plan, RegistrySettings after) {
        switch (plan.kind()) {
            case ADD:
                return Planner.countExactKey(after, run.desired) > 0;
            case UPDATE:
                for (int i = 0; i < after.size(); i++) {
                    if (Planner.isExactKey(after, i, run.desired)
                            && Planner.managedFieldsEqual(after.entry(i), run.desired.explicitManagedFields())) {
                        return true;
                    }
                }
                return false;
            case REMOVE:
                return Planner.countExactKey(after, run.desired) == 0;
            default:
                return true;
        }
    }

    /** Warns, without restoring anything, when entries we did not touch are gone after our write. */
    private void reportVanished(Run run, Round round, RegistrySettings after) {
        reportVanished(run, EntryIdentity.vanishedCount(round.base(), SafeList.touched(round.plan()), after));
    }

    static void reportVanished(Run run, int vanished) {
        if (vanished > 0) {
            run.warn(Plural.entries(vanished) + " that were in the list before this "
                    + "write are missing after it: another client replaced the whole list at the same time. They are not "
                    + "restored here (they belong to whoever wrote them)"
                    + (run.firstBackup == null ? "." : "; " + run.firstBackup + " holds the list as read before the write."));
        }
    }

    RegistrationResult nothingToWrite(Run run, Plan plan, RegistrySettings current) {
        int copies = Planner.countExactKey(current, run.desired);
        if (plan.kind() == Plan.Kind.ALREADY_COVERED) {
            JsonNode covering = current.entry(plan.index());
            log.info("Already covered by " + RegistrationResult.describe(publicMap(covering)) + "; nothing written.");
            explainDifferences(run, current, plan.index());
            return result(run, Action.ALREADY_COVERED, Action.ALREADY_COVERED, run.desired.entry(), covering, copies);
        }
        log.info("No entry " + run.describeEntry() + " to remove; nothing written.");
        return result(run, Action.NOT_FOUND, Action.NOT_FOUND, run.desired.entry(), null, copies);
    }

    /** @param copies entries with exactly the requested key; the result reports the copies beyond the first */
    /**
     * A covering entry whose settings differ from what was asked is why nothing was written: say which, and whether
     * updateExisting would change them (only for an entry with exactly this key, never someone's pattern entry).
     */
    private void explainDifferences(Run run, RegistrySettings current, int coveringIndex) {
        JsonNode covering = current.entry(coveringIndex);
        ObjectNode asked = run.desired.explicitManagedFields();
        List<String> differing = Planner.differingManagedFields(covering, asked);
        if (differing.isEmpty()) {
            return;
        }
        StringBuilder fields = new StringBuilder();
        for (String field : differing) {
            fields.append(fields.length() == 0 ? "" : ", ").append(field).append(' ')
                    .append(shown(covering.get(field))).append(" (asked: ").append(shown(asked.get(field))).append(')');
        }
        String updateExisting = spell(Parameters.UPDATE_EXISTING);
        boolean exact = Planner.isExactKey(current, coveringIndex, run.desired);
        run.warn("Nothing was written because " + RegistrationResult.describe(publicMap(covering)) + " already covers "
                + run.describeEntry() + ", but it differs from what was asked: " + fields + ". " + (exact
                ? "Set " + updateExisting + " to true to change " + (differing.size() == 1 ? "that field" : "those fields")
                + " of that entry."
                : "It is a broader entry that someone else may own, so " + updateExisting + " leaves it as it is (it changes"
                + " only an entry for exactly this repository); ask its owner to change it, or pin a tag to get an entry"
                + " of your own."));
    }

    private static String shown(JsonNode value) {
        return value == null || value.isNull() ? "unset" : value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }

    private String spell(Parameter<?> parameter) {
        return connection.naming().spell(parameter);
    }

    private RegistrationResult result(Run run, Action action, Action planned, JsonNode entry, JsonNode covering, int copies) {
        RegistrationResult.Builder b = RegistrationResult.builder(action)
                .plannedAction(planned)
                .entry(publicMap(entry))
                .coveringEntry(covering == null ? null : publicMap(covering))
                .entriesBefore(run.entriesBefore)
                .entriesAfter(run.entriesAfter)
                .writes(run.writes)
                .duplicates(Math.max(0, copies - 1))
                .backupFile(run.firstBackup)
                .consoleUrl(run.servedBy.url().toString())
                .consoleVersion(run.servedBy.consoleVersion())
                .apiVersion(run.servedBy.apiVersion())
                .scanLater(run.request.scanLater())
                .duration(Duration.ofNanos(System.nanoTime() - run.startNanos));
        run.warnings.forEach(b::warning);
        return b.build();
    }

    /** An entry as results show it: the Console's embedded credential object is left out. */
    /** An entry for results and logs: without its {@code credential} object, which may hold a registry secret. */
    public static Map<String, Object> publicMap(JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            return null;
        }
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove("credential");
        return Json.toMap(copy);
    }

    private static JsonNode resultEntry(Plan plan, RegistrySettings current, DesiredEntry desired) {
        return switch (plan.kind()) {
            case UPDATE -> plan.updatedEntry();
            case REMOVE -> current.entry(plan.index());
            default -> desired.entry();
        };
    }

    static Action actionOf(Plan.Kind kind) {
        return switch (kind) {
            case ADD -> Action.ADDED;
            case UPDATE -> Action.UPDATED;
            case REMOVE -> Action.REMOVED;
            case ALREADY_COVERED -> Action.ALREADY_COVERED;
            case NOT_FOUND -> Action.NOT_FOUND;
        };
    }

    private static String pastTense(Action a) {
        return switch (a) {
            case ADDED -> "Added";
            case UPDATED -> "Updated";
            case REMOVED -> "Removed";
            default -> a.name();
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
