package io.github.prismaregistry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * Step outputs and the job summary on GitHub Actions: the runner names the files in {@code GITHUB_OUTPUT} and
 * {@code GITHUB_STEP_SUMMARY}; elsewhere neither is set and nothing is written.
 */
final class GithubActions {

    static final String OUTPUT_FILE = "GITHUB_OUTPUT";
    static final String SUMMARY_FILE = "GITHUB_STEP_SUMMARY";

    private final Path outputFile;
    private final Path summaryFile;

    private GithubActions(Path outputFile, Path summaryFile) {
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
    }

    static GithubActions from(Map<String, String> environment) {
        return new GithubActions(path(environment.get(OUTPUT_FILE)), path(environment.get(SUMMARY_FILE)));
    }

    private static Path path(String value) {
        return OptionSet.isBlank(value) ? null : Path.of(value.trim());
    }

    /** Appends {@code name=value} lines; a value with a line break is written in the runner's delimited form. */
    void writeOutputs(Map<String, String> outputs) throws UsageException {
        if (outputFile == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, value) -> {
            String v = value == null ? "" : value;
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                text.append(name).append('=').append(v).append('\n');
            } else {
                String delimiter = "prisma_registry_" + UUID.randomUUID().toString().replace("-", "");
                text.append(name).append("<<").append(delimiter).append('\n').append(v).append('\n')
                        .append(delimiter).append('\n');
            }
        });
        append(outputFile, OUTPUT_FILE, text.toString());
    }

    /** Appends Markdown to the job summary. */
    void appendSummary(String markdown) throws UsageException {
        if (summaryFile != null) {
            append(summaryFile, SUMMARY_FILE, markdown.endsWith("\n") ? markdown : markdown + "\n");
        }
    }

    private static void append(Path file, String variable, String text) throws UsageException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UsageException("Cannot append to " + file + " (named by " + variable + "): " + e.getMessage());
        }
    }
}
