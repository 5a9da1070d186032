package io.github.prismaregistry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the command: its exit code and what it printed. Runs in this JVM, or the built jar as a process. */
record CliRun(int exitCode, String out, String err) {

    /** Standard output and error together, for checks that something appears nowhere. */
    String all() {
        return out + "\n" + err;
    }

    /** The command in this JVM, with exactly this environment. */
    static CliRun inProcess(Map<String, String> environment, Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new PrismaRegistryCli(environment, workingDirectory, new PrintWriter(out), new PrintWriter(err))
                .run(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * {@code java -jar prisma-registry-cli.jar args} in its own process, with only this environment (and PATH), so the
     * build's own PRISMA_* or GITHUB_* variables cannot leak in.
     */
    static CliRun jar(Map<String, String> environment, Path workingDirectory, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jarFile().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(environment);
        Path out = Files.createTempFile(workingDirectory, "stdout", ".txt");
        Path err = Files.createTempFile(workingDirectory, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish within 120 s: " + command);
        }
        CliRun run = new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    static Path jarFile() {
        String jar = System.getProperty("cli.jar");
        if (jar == null) {
            throw new IllegalStateException("system property cli.jar is not set: run the end-to-end tests with"
                    + " mvn verify, which builds the jar first");
        }
        return Path.of(jar);
    }

    private static String javaBinary() {
        return System.getProperty("java.bin", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
