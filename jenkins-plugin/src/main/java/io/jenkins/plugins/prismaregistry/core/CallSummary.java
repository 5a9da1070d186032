package io.jenkins.plugins.prismaregistry.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the build pages show of one call of the steps, read back from its result file. The Jelly views only print
 * these getters, so everything worth testing about the pages is tested here, without Jenkins.
 */
public final class CallSummary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAMP = Pattern.compile("(\\d{8}-\\d{6}-\\d{3})");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    private final int number;
    private final String fileName;
    private final Map<String, Object> result;

    private CallSummary(int number, String fileName, Map<String, Object> result) {
        this.number = number;
        this.fileName = fileName;
        this.result = result;
    }

    /**
     * The calls recorded in the folder, oldest first (parallel branches interleave by time). A result file that is
     * not a JSON object is left out here; it stays listed for download.
     */
    public static List<CallSummary> readAll(Path directory) throws IOException {
        List<String> names = new ArrayList<>(ResultFiles.list(directory).stream().filter(ResultFiles::isResultFile).toList());
        names.sort(Comparator.comparing(CallSummary::stampOf).thenComparing(Comparator.naturalOrder()));
        List<CallSummary> calls = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> result = read(directory.resolve(name));
            if (result != null) {
                calls.add(new CallSummary(calls.size() + 1, name, result));
            }
        }
        return calls;
    }

    private static Map<String, Object> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static Map<String, Object> parse(String json) {
        try {
            Object value = JSON.readValue(json, new TypeReference<Object>() { });
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) map;
                return result;
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String stampOf(String fileName) {
        Matcher m = STAMP.matcher(fileName);
        return m.find() ? m.group(1) : "";
    }

    /** 1 for the first call of the build. */
    public int getNumber() {
        return number;
    }

    /** Anchor of the call's row on the detail page. */
    public String getAnchor() {
        return "call-" + number;
    }

    public String getFileName() {
        return fileName;
    }

    /** When the result was written, from its file name; empty when the name carries no time. */
    public String getTime() {
        String stamp = stampOf(fileName);
        if (stamp.isEmpty()) {
            return "";
        }
        try {
            return LocalDateTime.parse(stamp, FILE_STAMP).format(SHOWN_TIME);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** {@code register}, {@code unregister} or {@code scan}. */
    public String getOperation() {
        String operation = text("operation");
        return operation.isEmpty() ? "call" : operation;
    }

    public boolean isScan() {
        return "scan".equals(getOperation());
    }

    /**
     * {@code [type] registry/repository} of the entry (with {@code :tag} when one is pinned); for a scan the image;
     * for a failure before an entry existed, what the call was asked to do.
     */
    public String getTarget() {
        if (isScan()) {
            return text("image");
        }
        if (result.get("entry") instanceof Map<?, ?> entry) {
            return describe(entry);
        }
        return text("target");
    }

    private static String describe(Map<?, ?> entry) {
        Object registry = entry.get("registry");
        String host = registry == null || registry.toString().isEmpty() ? "docker.io" : registry.toString();
        Object tag = entry.get("tag");
        return "[" + entry.get("version") + "] " + host + "/" + entry.get("repository")
                + (tag == null || tag.toString().isEmpty() ? "" : ":" + tag);
    }

    /** ADDED, ALREADY_COVERED, REMOVED, ... or FAILED; for a scan its verdict. */
    public String getAction() {
        if (isScan()) {
            String verdict = text("verdict");
            return verdict.isEmpty() ? text("action") : verdict;
        }
        return text("action");
    }

    /** The call failed (action FAILED), or a scan did not pass (verdict FAILED or ERROR). */
    public boolean isFailed() {
        String action = getAction();
        return ResultMaps.FAILED.equals(action) || "ERROR".equals(action);
    }

    /** The error message of a failed call; empty otherwise. */
    public String getMessage() {
        return text("message");
    }

    /** Warnings the engine reported, one per element. */
    public List<String> getWarnings() {
        List<String> warnings = new ArrayList<>();
        if (result.get("warnings") instanceof List<?> list) {
            list.forEach(w -> warnings.add(String.valueOf(w)));
        }
        return warnings;
    }

    /**
     * The rest of the result worth a look, one short line each: the entry that already covers the image, extra
     * copies a concurrent writer left, the Console and its version, whether saving started a scan.
     */
    public List<String> getDetails() {
        List<String> details = new ArrayList<>();
        if (result.get("coveringEntry") instanceof Map<?, ?> covering && !isScan()) {
            details.add("covered by " + describe(covering));
        }
        if (result.get("duplicates") instanceof Number extra && extra.longValue() > 0) {
            details.add(extra + (extra.longValue() == 1 ? " extra copy" : " extra copies") + " of the entry");
        }
        String console = text("consoleUrl");
        if (!console.isEmpty()) {
            String version = text("consoleVersion");
            details.add("Console " + console + (version.isEmpty() ? "" : " (version " + version + ")"));
        }
        if (Boolean.TRUE.equals(result.get("changed")) && result.get("scanLater") instanceof Boolean later) {
            details.add(later ? "saved without starting a scan" : "saving started a scan");
        }
        return details;
    }

    /** {@code 300 → 301}; empty when the call never read the list. */
    public String getEntries() {
        Object before = result.get("entriesBefore");
        Object after = result.get("entriesAfter");
        if (!(before instanceof Number) || !(after instanceof Number)) {
            return "";
        }
        return before + " \u2192 " + after;
    }

    /** {@code no write}, {@code 1 write}, {@code 2 writes}; empty when unknown. */
    public String getWrites() {
        if (!(result.get("writes") instanceof Number writes)) {
            return "";
        }
        long n = writes.longValue();
        return n == 0 ? "no write" : n + (n == 1 ? " write" : " writes");
    }

    /** {@code 412 ms} or {@code 3.4 s}; empty when unknown. */
    public String getDuration() {
        if (!(result.get("durationMillis") instanceof Number millis)) {
            return "";
        }
        long ms = millis.longValue();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** {@code critical 0, high 2, medium 5, low 1} for a scan that has counts; empty otherwise. */
    public String getSeverityCounts() {
        if (!(result.get("counts") instanceof Map<?, ?> counts)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String severity : SEVERITIES) {
            Object n = counts.get(severity);
            if (n != null) {
                parts.add(severity + " " + n);
            }
        }
        return String.join(", ", parts);
    }

    /** File name of the backup taken before this call's write, or empty when it wrote nothing. */
    public String getBackupFileName() {
        String path = text("backupFile");
        if (path.isEmpty()) {
            return "";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /**
     * The one line of the build's main page: operation, target, then what happened
     * ({@code register [2] registry.example.com/team/app: ADDED, entries 300 → 301, 1 write, 412 ms}), and the
     * message of a failure at the end.
     */
    public String getLine() {
        StringBuilder line = new StringBuilder(getOperation());
        String target = getTarget();
        if (!target.isEmpty()) {
            line.append(' ').append(target);
        }
        line.append(": ").append(getAction().isEmpty() ? "no outcome recorded" : getAction());
        for (String part : List.of(getSeverityCounts(), getEntries().isEmpty() ? "" : "entries " + getEntries(),
                getWrites(), getDuration())) {
            if (!part.isEmpty()) {
                line.append(", ").append(part);
            }
        }
        if (isFailed() && !getMessage().isEmpty()) {
            line.append(": ").append(getMessage());
        }
        return line.toString();
    }

    private String text(String key) {
        Object value = result.get(key);
        return value == null ? "" : value.toString();
    }
}
