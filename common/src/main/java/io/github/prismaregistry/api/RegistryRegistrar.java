package io.github.prismaregistry.api;

import io.github.prismaregistry.console.Timing;
import io.github.prismaregistry.engine.RegistrationEngine;

import java.nio.file.Path;
import java.util.List;

/**
 * The one entry point every front end calls. Thread-safe; writes to one Console are serialised inside the JVM, and
 * registrations that wait for the same Console are served together.
 * <pre>
 * try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection).log(log).backupDirectory(dir).build()) {
 *     RegistrationResult result = registrar.register(request);
 * }
 * </pre>
 */
public final class RegistryRegistrar implements AutoCloseable {

    private final RegistrationEngine engine;

    private RegistryRegistrar(RegistrationEngine engine) {
        this.engine = engine;
    }

    public static Builder builder(ConsoleConnection connection) {
        return new Builder(connection);
    }

    /** Adds the request's entry unless an existing one covers it (or updates it when asked). */
    public RegistrationResult register(RegistrationRequest request) throws PrismaRegistryException, InterruptedException {
        return engine.register(request);
    }

    /** Removes exactly the entry {@link #register} would add, and nothing else. */
    public RegistrationResult unregister(RegistrationRequest request) throws PrismaRegistryException, InterruptedException {
        return engine.unregister(request);
    }

    /**
     * Several registrations in one call, served together: one read of the list, one POST per missing entry, one
     * verifying read. Outcomes come in the order of {@code requests}; each has its own result or error, and one
     * registration's failure does not stop the others. Dry runs among them share a read of their own and write nothing.
     */
    public List<RegistrationOutcome> registerAll(List<RegistrationRequest> requests) throws InterruptedException {
        return engine.registerAll(requests);
    }

    /** {@link #registerAll} for unregistering: each removal is planned, written and verified on its own. */
    public List<RegistrationOutcome> unregisterAll(List<RegistrationRequest> requests) throws InterruptedException {
        return engine.unregisterAll(requests);
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        engine.close();
    }

    public static final class Builder {
        private final ConsoleConnection connection;
        private RegistryLog log = RegistryLog.silent();
        private Path backupDirectory;
        private Timing timing = Timing.DEFAULT;

        private Builder(ConsoleConnection connection) {
            this.connection = connection;
        }

        public Builder log(RegistryLog log) {
            this.log = log;
            return this;
        }

        /** Where the settings read before a write are saved; {@code null} uses the system temp directory. */
        public Builder backupDirectory(Path backupDirectory) {
            this.backupDirectory = backupDirectory;
            return this;
        }

        /** Back-off periods; package-private so only this package's tests can shorten them. */
        Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        /** Checks the connection settings (URL, credentials, timeouts, CA file ...) without contacting the Console. */
        public RegistryRegistrar build() throws InvalidRequestException {
            return new RegistryRegistrar(RegistrationEngine.create(connection, log, backupDirectory, timing));
        }
    }
}
