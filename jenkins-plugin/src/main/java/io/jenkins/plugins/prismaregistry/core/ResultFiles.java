package io.jenkins.plugins.prismaregistry.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.prismaregistry.scan.ScanReports;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files kept in the build's own directory: one {@code result-*.json} per call, beside the backups the engine writes
 * before every change. Parallel branches of one build write to the same directory, so names never collide.
 */
public final class ResultFiles {

    /** Folder under the build's root directory. */
    public static final String DIRECTORY = "prisma-registry";

    private static final String RESULT_PREFIX = "result-";
    private static final List<String> SCAN_REPORTS =
            List.of(ScanReports.JSON, ScanReports.SARIF, ScanReports.JUNIT, ScanReports.SUMMARY);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /**
     * Writes the map as JSON and returns the new file.
     *
     * @param masker applied to the whole text before it reaches the disk
     */
    public static Path write(Path directory, Operation operation, Map<String, Object> result, SecretMasker masker)
            throws IOException {
        Files.createDirectories(directory);
        byte[] json = masker.mask(JSON.writeValueAsString(result)).getBytes(StandardCharsets.UTF_8);
        String base = RESULT_PREFIX + operation.verb() + "-" + LocalDateTime.now().format(STAMP);
        for (int n = 1; ; n++) {
            Path file = directory.resolve(base + (n == 1 ? "" : "-" + n) + ".json");
            try {
                Files.write(Files.createFile(file), json);
                return file;
            } catch (FileAlreadyExistsException taken) {
                // another branch wrote in the same millisecond; try the next suffix
            }
        }
    }

    /** Names of the regular files in the directory, sorted; empty when it does not exist. */
    public static List<String> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One call's result, written by the plugin. */
    public static boolean isResultFile(String name) {
        return name.startsWith(RESULT_PREFIX) && name.endsWith(".json");
    }

    /** The reports of the build's latest scan (JSON, SARIF, JUnit, Markdown), written by the engine. */
    public static boolean isScanReport(String name) {
        return SCAN_REPORTS.contains(name);
    }

    /** Neither a result nor a scan report: a backup of the Console's settings, which lists every entry. */
    public static boolean isBackupFile(String name) {
        return !isResultFile(name) && !isScanReport(name);
    }

    /**
     * The file with exactly this name in the directory, or {@code null}: only listed names are accepted, so a
     * request can never reach outside the folder.
     */
    public static Path find(Path directory, String name) throws IOException {
        if (name == null || !list(directory).contains(name)) {
            return null;
        }
        return directory.resolve(name);
    }
}
