package io.github.prismaregistry.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a console simulator from the command line until the process is stopped.
 *
 * <pre>
 * java -jar prisma-registry-simulator-&lt;version&gt;-standalone.jar --port 8083 --seed 5000 --tls
 * </pre>
 *
 * Prints the URL, the login and (with {@code --tls}) the CA certificate file to trust. {@code --help} lists the
 * options. Exit status 2 for a bad command line, 1 when the simulator cannot start.
 */
public final class Main {

    private Main() {
    }

    /** Entry point; blocks until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        CommandLine options;
        try {
            options = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        ConsoleSimulator simulator;
        try {
            simulator = options.toBuilder().start();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            exportCaCertificate(simulator, options);
        } catch (IOException e) {
            simulator.close();
            System.err.println("error: cannot write the CA certificate to " + options.caFile + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "console-simulator-shutdown"));
        printBanner(simulator, options, System.out);
        System.out.flush();
        stopped.await();
    }

    /** With {@code --ca-file}: writes the CA certificate where the clients under test expect it. */
    static void exportCaCertificate(ConsoleSimulator simulator, CommandLine options) throws IOException {
        if (options.caFile == null) {
            return;
        }
        Path parent = options.caFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(options.caFile, simulator.caCertificatePem(), StandardCharsets.US_ASCII);
    }

    static void printBanner(ConsoleSimulator simulator, CommandLine options, PrintStream out) {
        out.println("Prisma Cloud Compute console simulator, console version " + simulator.consoleVersion());
        out.println("  URL:            " + simulator.url());
        for (CommandLine.Credential user : options.users) {
            // Only the well-known default password is shown; a chosen one stays off the screen and out of logs.
            String password = "admin".equals(user.password) ? user.password : "(as given with --password)";
            out.println("  login:          " + user.name + " / " + password);
        }
        for (CommandLine.Credential registrar : options.registrars) {
            out.println("  no scanning:    " + registrar.name);
        }
        for (CommandLine.Credential viewer : options.viewers) {
            out.println("  no permission:  " + viewer.name);
        }
        if (options.token != null) {
            out.println("  API token:      (as given with --token)");
        }
        if (simulator.isTls()) {
            out.println("  CA certificate: " + (options.caFile != null ? options.caFile : simulator.caCertificateFile()));
        }
        out.println("  entries:        " + simulator.entryCount());
        out.println("  API versions:   v1, " + oldestVersion(simulator) + " ... " + simulator.apiVersion());
        out.println("  admin:          " + simulator.url() + "/_simulator/status");
        out.println("Stop with Ctrl+C.");
    }

    private static String oldestVersion(ConsoleSimulator simulator) {
        String newest = simulator.apiVersion();
        int major = Integer.parseInt(newest.substring(1, 3));
        return String.format("v%02d.00", Math.max(0, major - 3));
    }
}
