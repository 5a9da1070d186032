package io.github.prismaregistry.faultsuite;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM registering one repository, as a pipeline on another agent would: the in-JVM write lock cannot
 * serialise it with the others. Arguments: console URL, repository, start instant (epoch millis). The password
 * comes from the environment so it is not on any command line.
 */
public final class RegisterInAnotherProcess {

    static final String PASSWORD_VARIABLE = "FAULT_SUITE_CONSOLE_PASSWORD";

    private RegisterInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String repository = args[1];
        long startAt = Long.parseLong(args[2]);
        ConsoleConnection connection = ConsoleConnection.builder(url)
                .credentials(ConsoleCredentials.usernamePassword(Harness.USER, System.getenv(PASSWORD_VARIABLE)))
                .readTimeout(Duration.ofSeconds(10))
                .build();
        Path backups = Files.createTempDirectory("fault-suite-process-backups");
        try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection).backupDirectory(backups).build()) {
            long wait = startAt - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            RegistrationResult result = registrar.register(Harness.request(repository));
            System.out.println("RESULT " + result.action() + " writes=" + result.writes());
        } catch (PrismaRegistryException e) {
            System.out.println("RESULT typed-error " + e.getClass().getSimpleName());
        } finally {
            try (var files = Files.walk(backups)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
