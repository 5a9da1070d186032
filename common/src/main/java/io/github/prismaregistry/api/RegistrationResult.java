package io.github.prismaregistry.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a register or unregister did. Entries are plain maps (String, Number, Boolean, List, Map, null) holding
 * exactly the JSON the Console has or would have; no secret is ever part of a result.
 */
public final class RegistrationResult {

    private final Action action;
    private final Action plannedAction;
    private final Map<String, Object> entry;
    private final Map<String, Object> coveringEntry;
    private final int entriesBefore;
    private final int entriesAfter;
    private final int writes;
    private final int duplicates;
    private final Path backupFile;
    private final String consoleUrl;
    private final String consoleVersion;
    private final String apiVersion;
    private final boolean scanLater;
    private final Duration duration;
    private final List<String> warnings;

    private RegistrationResult(Builder b) {
        this.action = b.action;
        this.plannedAction = b.plannedAction == null ? b.action : b.plannedAction;
        this.entry = b.entry == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.entry));
        this.coveringEntry = b.coveringEntry == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.coveringEntry));
        this.entriesBefore = b.entriesBefore;
        this.entriesAfter = b.entriesAfter;
        this.writes = b.writes;
        this.duplicates = b.duplicates;
        this.backupFile = b.backupFile;
        this.consoleUrl = b.consoleUrl;
        this.consoleVersion = b.consoleVersion;
        this.apiVersion = b.apiVersion;
        this.scanLater = b.scanLater;
        this.duration = b.duration == null ? Duration.ZERO : b.duration;
        this.warnings = List.copyOf(b.warnings);
    }

    /** {@code action} of a run that failed (not an {@link Action}: nothing was decided). */
    public static final String FAILED = "FAILED";

    /**
     * What a failed run reports where a result would be: the keys of {@link #toMap()} that still mean something, with
     * action {@link #FAILED}, and the error. Front ends write or return it so that no earlier result is taken for this run's.
     *
     * @param parameter the parameter to fix as the caller spells it, or {@code null}
     * @param message   the message as shown to the user (secrets already masked)
     */
    public static Map<String, Object> failureMap(String operation, String errorType, String parameter, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", FAILED);
        m.put("plannedAction", null);
        m.put("changed", false);
        m.put("entry", null);
        m.put("coveringEntry", null);
        m.put("backupFile", null);
        m.put("warnings", new ArrayList<String>());
        m.put("operation", operation);
        m.put("message", message);
        m.put("errorType", errorType);
        m.put("parameter", parameter);
        return m;
    }

    public static Builder builder(Action action) {
        return new Builder(action);
    }

    public Action action() {
        return action;
    }

    /** What would happen (dry run) or did happen; equals {@link #action()} except for dry runs. */
    public Action plannedAction() {
        return plannedAction;
    }

    /** The entry as sent (or as it would be sent, or as removed). */
    public Map<String, Object> entry() {
        return entry;
    }

    /** The existing entry that already covers the request, or {@code null}. */
    public Map<String, Object> coveringEntry() {
        return coveringEntry;
    }

    public int entriesBefore() {
        return entriesBefore;
    }

    public int entriesAfter() {
        return entriesAfter;
    }

    /** Write requests (POST/PUT) sent, retries included. */
    public int writes() {
        return writes;
    }

    /**
     * Extra copies: entries with exactly the requested key beyond the first (0 normally; after an unregister, the copies
     * removed beyond the first). Above 0 means someone wrote the same entry as well.
     */
    public int duplicates() {
        return duplicates;
    }

    /** Where the settings read before the write were saved, or {@code null} when nothing was written. */
    public Path backupFile() {
        return backupFile;
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    public String consoleVersion() {
        return consoleVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public boolean scanLater() {
        return scanLater;
    }

    public Duration duration() {
        return duration;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** True when the Console was changed. */
    public boolean changed() {
        return action == Action.ADDED || action == Action.UPDATED || action == Action.REMOVED;
    }

    /** The result as plain JDK collections, for the Jenkins step's return value and the JSON result file. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action.name());
        m.put("plannedAction", plannedAction.name());
        m.put("changed", changed());
        m.put("entry", copy(entry));
        m.put("coveringEntry", copy(coveringEntry));
        m.put("entriesBefore", entriesBefore);
        m.put("entriesAfter", entriesAfter);
        m.put("writes", writes);
        m.put("duplicates", duplicates);
        m.put("backupFile", backupFile == null ? null : backupFile.toString());
        m.put("consoleUrl", consoleUrl);
        m.put("consoleVersion", consoleVersion);
        m.put("apiVersion", apiVersion);
        m.put("scanLater", scanLater);
        m.put("durationMillis", duration.toMillis());
        m.put("warnings", new ArrayList<>(warnings));
        return m;
    }

    /** A few readable lines for a build log. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        String what = action == Action.DRY_RUN ? "DRY RUN, would be " + plannedAction : action.name();
        lines.add("Prisma registry entry " + what + ": " + describe(entry));
        if (coveringEntry != null) {
            lines.add("  covered by existing entry: " + describe(coveringEntry));
        }
        lines.add("  entries before: " + entriesBefore + ", after: " + entriesAfter + ", writes: " + writes
                + (changed() ? ", scanLater: " + scanLater : ""));
        if (duplicates > 0) {
            lines.add("  note: " + (action == Action.REMOVED
                    ? Plural.of(duplicates, "extra copy of this entry was", "extra copies of this entry were") + " removed too"
                    : Plural.of(duplicates, "extra copy of this entry exists", "extra copies of this entry exist")
                    + " (another client wrote the same entry)"));
        }
        if (backupFile != null) {
            lines.add("  backup of previous settings: " + backupFile);
        }
        lines.add("  console: " + consoleUrl + " (version " + consoleVersion + ", API " + apiVersion + "), took "
                + duration.toMillis() + " ms");
        for (String w : warnings) {
            lines.add("  warning: " + w);
        }
        return lines;
    }

    /** {@code version registry/repository:tag} of an entry, for messages. */
    public static String describe(Map<String, Object> e) {
        if (e == null) {
            return "(none)";
        }
        Object tag = e.get("tag");
        Object registry = e.get("registry");
        String host = registry == null || registry.toString().isEmpty() ? "docker.io" : registry.toString();
        return "[" + e.get("version") + "] " + host + "/" + e.get("repository")
                + (tag == null || tag.toString().isEmpty() ? "" : ":" + tag);
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object o) {
        if (o instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<String, Object>) o).forEach((k, v) -> m.put(k, copy(v)));
            return m;
        }
        if (o instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object v : (List<Object>) o) {
                l.add(copy(v));
            }
            return l;
        }
        return o;
    }

    public static final class Builder {
        private final Action action;
        private Action plannedAction;
        private Map<String, Object> entry;
        private Map<String, Object> coveringEntry;
        private int entriesBefore;
        private int entriesAfter;
        private int writes;
        private int duplicates;
        private Path backupFile;
        private String consoleUrl;
        private String consoleVersion;
        private String apiVersion;
        private boolean scanLater;
        private Duration duration;
        private final List<String> warnings = new ArrayList<>();

        private Builder(Action action) {
            this.action = action;
        }

        public Builder plannedAction(Action plannedAction) {
            this.plannedAction = plannedAction;
            return this;
        }

        public Builder entry(Map<String, Object> entry) {
            this.entry = entry;
            return this;
        }

        public Builder coveringEntry(Map<String, Object> coveringEntry) {
            this.coveringEntry = coveringEntry;
            return this;
        }

        public Builder entriesBefore(int entriesBefore) {
            this.entriesBefore = entriesBefore;
            return this;
        }

        public Builder entriesAfter(int entriesAfter) {
            this.entriesAfter = entriesAfter;
            return this;
        }

        public Builder writes(int writes) {
            this.writes = writes;
            return this;
        }

        public Builder duplicates(int duplicates) {
            this.duplicates = duplicates;
            return this;
        }

        public Builder backupFile(Path backupFile) {
            this.backupFile = backupFile;
            return this;
        }

        public Builder consoleUrl(String consoleUrl) {
            this.consoleUrl = consoleUrl;
            return this;
        }

        public Builder consoleVersion(String consoleVersion) {
            this.consoleVersion = consoleVersion;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder scanLater(boolean scanLater) {
            this.scanLater = scanLater;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder warning(String warning) {
            this.warnings.add(warning);
            return this;
        }

        public RegistrationResult build() {
            return new RegistrationResult(this);
        }
    }
}
