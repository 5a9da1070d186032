package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;

/**
 * The "Test connection" button: a dry-run registration of an entry nobody uses. It logs in, discovers the API
 * version and reads the registry settings exactly like a real build would, and writes nothing.
 */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    static RegistrationRequest probe() {
        return RegistrationRequest.builder()
                .registry("connection-check.invalid")
                .repository("prisma-registry/connection-check")
                .dryRun(true)
                .build();
    }

    /** Returns a one-line description of the Console, or throws the engine's error. */
    public static String check(ConsoleConnection connection) throws PrismaRegistryException, InterruptedException {
        RegistrationResult result;
        try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection).build()) {
            result = registrar.register(probe());
        }
        return "Connected to " + RegistrationTask.withoutUserInfo(result.consoleUrl()) + " as "
                + connection.credentials().describe() + ": Console " + result.consoleVersion()
                + ", API " + result.apiVersion() + ", " + result.entriesBefore() + " registry scan entries.";
    }
}
