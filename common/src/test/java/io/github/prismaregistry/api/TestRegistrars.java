package io.github.prismaregistry.api;

import io.github.prismaregistry.console.Timing;
import io.github.prismaregistry.simulator.ConsoleSimulator;

import java.nio.file.Path;
import java.time.Duration;

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
}
