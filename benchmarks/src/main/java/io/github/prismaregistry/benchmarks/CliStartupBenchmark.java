package io.github.prismaregistry.benchmarks;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a CI job pays for one {@code java -jar prisma-registry-cli.jar} call: the JVM start alone ({@code version}),
 * and a whole register against an empty console (login, version discovery, read, backup, append, verify), each a
 * fresh process as in a pipeline step.
 *
 * <pre>java -cp benchmarks/target/prisma-registry-benchmarks.jar io.github.prismaregistry.benchmarks.CliStartupBenchmark
 *     [--cli-jar cli/target/prisma-registry-cli.jar] [--warmup N] [--iterations N] [--jvm-option OPTION]...</pre>
 * {@code --jvm-option} (repeatable) passes an option to each CLI JVM, e.g. {@code -XX:TieredStopAtLevel=1}.
 */
public final class CliStartupBenchmark {

    private static final String PASSWORD = "bench-Pw-3141";

    private CliStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("cli", "target", "prisma-registry-cli.jar");
        int warmup = 2;
        int iterations = 10;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cli-jar" -> jar = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                default -> {
                    System.err.println("usage: CliStartupBenchmark [--cli-jar FILE] [--warmup N] [--iterations N]"
                            + " [--jvm-option OPTION]...");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar.toAbsolutePath() + " does not exist: build it with mvn -pl cli -am package");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("cli-benchmark");
        try (ConsoleSimulator console = ConsoleSimulator.builder().user("bench", PASSWORD).start()) {
            List<String> version = List.of("version");
            List<String> register = List.of("register", "--console-url", console.url(),
                    "--image", "registry.example.com/bench/app:1", "--output-directory", work.toString());
            System.out.printf(Locale.ROOT, "CLI process, %d iterations after %d warm-up (ms): %s %s%n", iterations,
                    warmup, jar, jvmOptions.isEmpty() ? "" : jvmOptions);
            report("version (JVM start only)", measure(jar, jvmOptions, version, work, warmup, iterations, null));
            report("register against an empty console", measure(jar, jvmOptions, register, work, warmup, iterations,
                    console));
        }
    }

    /** Wall-clock milliseconds of each run; with a console, it is emptied before each run so every run adds. */
    private static double[] measure(Path jar, List<String> jvmOptions, List<String> args, Path work, int warmup,
            int iterations, ConsoleSimulator console) throws IOException, InterruptedException {
        double[] millis = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
            if (console != null) {
                console.reset(0);
            }
            long start = System.nanoTime();
            int code = run(jar, jvmOptions, args, work);
            long elapsed = System.nanoTime() - start;
            if (code != 0) {
                throw new IllegalStateException("the CLI exited with " + code + " for " + args);
            }
            if (console != null && console.entryCount() != 1) {
                throw new IllegalStateException("expected one entry after register, found " + console.entryCount());
            }
            if (i >= 0) {
                millis[i] = elapsed / 1e6;
            }
        }
        return millis;
    }

    private static int run(Path jar, List<String> jvmOptions, List<String> args, Path work) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File(work.toFile(), "stderr.txt"));
        builder.environment().put("PRISMA_USERNAME", "bench");
        builder.environment().put("PRISMA_PASSWORD", PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish within 120 s");
        }
        return process.exitValue();
    }

    private static void report(String what, double[] millis) {
        Stats s = Stats.of(millis);
        System.out.printf(Locale.ROOT, "  %-36s median %7.1f  p90 %7.1f  min %7.1f  max %7.1f%n", what, s.median(),
                s.percentile(90), s.min(), s.max());
    }
}
