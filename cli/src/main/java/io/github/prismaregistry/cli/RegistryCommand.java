package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code register} and {@code unregister}: one request per image, handed to the common engine. */
final class RegistryCommand {

    private final boolean register;
    private final RawValues values;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final PrintWriter err;

    RegistryCommand(boolean register, RawValues values, Map<String, String> environment, Path workingDirectory,
            PrintWriter out, PrintWriter err) {
        this.register = register;
        this.values = values;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    String name() {
        return register ? "register" : "unregister";
    }

    int run() throws UsageException, PrismaRegistryException, InterruptedException {
        RequestReader reader = new RequestReader(values, workingDirectory);
        ResultReport report = ResultReport.create(values, name());
        boolean verbose = reader.bool(CliParameters.VERBOSE);
        List<RegistrationRequest> requests = reader.requests(register);
        CliCredentials.Resolved credentials = CliCredentials.resolve(values, environment, workingDirectory);
        ConsoleConnection connection = reader.connection(credentials, "prisma-registry-cli/" + Version.current());
        Path output = reader.outputDirectory();
        createDirectory(output);

        StderrLog log = new StderrLog(err, verbose);
        log.debug("Console: " + connection + ", credentials from " + credentials.source());
        List<RegistrationResult> results = new ArrayList<>();
        try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection).log(log).backupDirectory(output).build()) {
            // One call per image: the engine takes one entry per request.
            for (RegistrationRequest request : requests) {
                log.debug("Request: " + request);
                results.add(register ? registrar.register(request) : registrar.unregister(request));
            }
        } catch (InvalidRequestException e) {
            throw new UsageException(CliMessages.invalid(e, values));
        } catch (ConsoleAuthenticationException | ConsolePermissionException e) {
            throw new ConsoleAuthenticationException(e.getMessage() + " The credentials came from "
                    + credentials.source() + ".", e);
        }
        report.write(results, output, out, GithubActions.from(environment));
        return ExitCode.OK;
    }

    private static void createDirectory(Path output) throws UsageException {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UsageException("Cannot create the output directory " + output + ": " + e.getMessage());
        }
    }
}
