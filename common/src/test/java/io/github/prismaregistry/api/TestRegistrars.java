package io.github.prismaregistry.api;

import io.github.prismaregistry.console.Timing;
import io.github.prismaregistry.simulator.ConsoleSimulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Registrars for tests: real engine, short back-offs (so retries cost milliseconds), a capturing log. */
public final class TestRegistrars {

    /** Back-offs of a few milliseconds; Retry-After is still honoured in full. */
    public static final Timing FAST = new Timing(Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMillis(10));

    private TestRegistrars() {
    }

    /** admin/admin on the simulator, with timeouts short enough for tests. */
    public static ConsoleConnection.Builder connection(ConsoleSimulator sim) {
        return ConsoleConnection.builder(sim.url())
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin"))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10));
    }

    public static RegistryRegistrar.Builder fast(ConsoleConnection connection, RegistryLog log, Path backupDirectory) {
        return RegistryRegistrar.builder(connection).log(log).backupDirectory(backupDirectory).timing(FAST);
    }

    public static RegistryRegistrar.Builder withTiming(ConsoleConnection connection, RegistryLog log, Path backupDirectory,
                                                       Timing timing) {
        return RegistryRegistrar.builder(connection).log(log).backupDirectory(backupDirectory).timing(timing);
    }

    /**
     * The files left in {@code backupDirectory} once copies stopped by runs that wrote nothing are deleted: their
     * writers delete them when they finish, which a caller does not wait for. Waits up to ten seconds.
     */
    public static List<Path> backupsLeft(Path backupDirectory) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<Path> files;
            try (Stream<Path> list = Files.list(backupDirectory)) {
                files = list.toList();
            }
            if (files.isEmpty() || System.nanoTime() > deadline) {
                return files;
            }
            Thread.sleep(10);
        }
    }
}
