package io.github.prismaregistry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a register or unregister leaves behind: the summary or JSON on standard output, {@code result.json} in the
 * output directory and, on GitHub Actions, step outputs and the job summary.
 */
final class ResultReport {

    static final String RESULT_FILE = "result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final boolean json;

    ResultReport(String command, boolean json) {
        this.command = command;
        this.json = json;
    }

    void write(List<RegistrationOutcome> outcomes, Path outputDirectory, PrintWriter out, GithubActions github)
            throws UsageException {
        List<RegistrationResult> results = outcomes.stream().filter(RegistrationOutcome::succeeded)
                .map(RegistrationOutcome::result).toList();
        Object document = document(outcomes);
        Path resultFile = outputDirectory.resolve(RESULT_FILE);
        try {
            JSON.writeValue(resultFile.toFile(), document);
        } catch (IOException e) {
            throw new UsageException("Cannot write " + resultFile + ": " + e.getMessage());
        }
        if (json) {
            try {
                out.println(JSON.writeValueAsString(document));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (RegistrationOutcome o : outcomes) {
                if (o.succeeded()) {
                    o.result().summaryLines().forEach(out::println);
                } else {
                    out.println("Prisma registry entry FAILED for " + target(o) + ": " + o.error().getMessage());
                }
            }
            out.println("  result: " + resultFile);
        }
        out.flush();
        if (!results.isEmpty()) {
            github.writeOutputs(outputs(results, resultFile));
            github.appendSummary(markdown(results));
        }
    }

    /**
     * One image: the result object; several: an array with one object per image, in the order given; an image that
     * failed has {@code image}, {@code error} and {@code exitCode} instead.
     */
    static Object document(List<RegistrationOutcome> outcomes) {
        if (outcomes.size() == 1 && outcomes.get(0).succeeded()) {
            return outcomes.get(0).result().toMap();
        }
        List<Object> all = new ArrayList<>();
        for (RegistrationOutcome o : outcomes) {
            if (o.succeeded()) {
                all.add(o.result().toMap());
            } else {
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("image", target(o));
                failed.put("error", o.error().getMessage());
                failed.put("exitCode", ExitCode.of(o.error()));
                all.add(failed);
            }
        }
        return all;
    }

    private static String target(RegistrationOutcome o) {
        RegistrationRequest r = o.request();
        return r.image() != null ? r.image() : r.registry() + "/" + r.repository();
    }

    static Map<String, String> outputs(List<RegistrationResult> results, Path resultFile) {
        Set<String> actions = new LinkedHashSet<>();
        boolean changed = false;
        int writes = 0;
        int duplicates = 0;
        String backup = "";
        for (RegistrationResult r : results) {
            actions.add(r.action().name());
            changed |= r.changed();
            writes += r.writes();
            duplicates = Math.max(duplicates, r.duplicates());
            if (r.backupFile() != null) {
                backup = r.backupFile().toString();
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("action", String.join(",", actions));
        outputs.put("changed", Boolean.toString(changed));
        outputs.put("images", Integer.toString(results.size()));
        outputs.put("entries-before", Integer.toString(results.get(0).entriesBefore()));
        outputs.put("entries-after", Integer.toString(results.get(results.size() - 1).entriesAfter()));
        outputs.put("writes", Integer.toString(writes));
        outputs.put("duplicates", Integer.toString(duplicates));
        outputs.put("result-file", resultFile.toString());
        outputs.put("backup-file", backup);
        return outputs;
    }

    String markdown(List<RegistrationResult> results) {
        StringBuilder md = new StringBuilder("### prisma-registry " + command + "\n\n");
        md.append("| entry | action | covered by | entries before → after |\n|---|---|---|---|\n");
        for (RegistrationResult r : results) {
            String action = r.action().name() + (r.plannedAction() == r.action() ? "" : " (would be "
                    + r.plannedAction().name() + ")");
            md.append("| ").append(cell(RegistrationResult.describe(r.entry())))
                    .append(" | ").append(action)
                    .append(" | ").append(r.coveringEntry() == null ? "" : cell(RegistrationResult.describe(r.coveringEntry())))
                    .append(" | ").append(r.entriesBefore()).append(" → ").append(r.entriesAfter())
                    .append(" |\n");
        }
        RegistrationResult last = results.get(results.size() - 1);
        md.append("\nConsole ").append(cell(last.consoleUrl())).append(" (version ").append(last.consoleVersion())
                .append(", API ").append(last.apiVersion()).append(")\n");
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
