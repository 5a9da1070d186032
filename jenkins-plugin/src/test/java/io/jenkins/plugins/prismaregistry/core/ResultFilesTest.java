package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    @TempDir
    Path buildDir;

    @Test
    void writesTheMapAsJsonWithSecretsMasked() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("action", "FAILED");
        result.put("message", "echo of leaked-secret");

        Path file = ResultFiles.write(buildDir.resolve("prisma-registry"), Operation.REGISTER, result,
                new SecretMasker().add("leaked-secret"));

        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(file.getFileName().toString()).startsWith("result-register-").endsWith(".json");
        assertThat(json).contains("\"action\" : \"FAILED\"").contains("echo of ****").doesNotContain("leaked-secret");
    }

    @Test
    void aSecretWithQuotesOrBackslashesIsMaskedInItsJsonEscapedForm() throws Exception {
        String secret = "pa\"ss\\word-5e1f";
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", "Console said: " + secret);

        Path file = ResultFiles.write(buildDir.resolve("prisma-registry"), Operation.REGISTER, result,
                new SecretMasker().add(secret));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Console said: ****").doesNotContain("word-5e1f");
    }

    @Test
    void parallelBranchesNeverOverwriteEachOther() throws Exception {
        Path dir = buildDir.resolve("prisma-registry");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> result = Map.of("n", i);
                writes.add(() -> ResultFiles.write(dir, Operation.REGISTER, result, new SecretMasker()));
            }
            for (Future<Path> f : pool.invokeAll(writes)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ResultFiles.list(dir)).hasSize(40).allMatch(ResultFiles::isResultFile);
    }

    @Test
    void onlyListedNamesCanBeFound() throws Exception {
        Path dir = buildDir.resolve("prisma-registry");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("settings-backup.json"), "{}");
        Files.writeString(buildDir.resolve("build.xml"), "<build/>");

        assertThat(ResultFiles.find(dir, "settings-backup.json")).isEqualTo(dir.resolve("settings-backup.json"));
        assertThat(ResultFiles.find(dir, "../build.xml")).isNull();
        assertThat(ResultFiles.find(dir, "missing.json")).isNull();
        assertThat(ResultFiles.find(dir, null)).isNull();
    }

    @Test
    void backupsAreTheFilesThePluginDidNotWrite() {
        assertThat(ResultFiles.isResultFile("result-register-20250101-120000-000.json")).isTrue();
        assertThat(ResultFiles.isResultFile("registry-settings-backup.json")).isFalse();
        assertThat(ResultFiles.isBackupFile("prisma-registry-backup-20250101T120000Z-1a2b3c4d.json")).isTrue();
    }

    @Test
    void scanReportsAreNeitherCallResultsNorBackups() {
        for (String report : List.of("scan-result.json", "scan-result.sarif.json", "scan-result.junit.xml", "scan-summary.md")) {
            assertThat(ResultFiles.isScanReport(report)).as(report).isTrue();
            assertThat(ResultFiles.isResultFile(report)).as(report).isFalse();
            assertThat(ResultFiles.isBackupFile(report)).as(report).isFalse();
        }
        assertThat(ResultFiles.isBackupFile("result-scan-20250101-120000-000.json")).isFalse();
    }

    @Test
    void aMissingFolderListsNothing() throws Exception {
        assertThat(ResultFiles.list(buildDir.resolve("nothing-here"))).isEmpty();
    }
}
