package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code register} and {@code unregister}: one request per image, handed to the common engine. */
final class RegistryCommand {

    private final Operation operation;
    private final CommandSettings settings;
    private final PrintWriter out;
    private final StderrLog log;

    RegistryCommand(Operation operation, CommandSettings settings, PrintWriter out, StderrLog log) {
        this.operation = operation;
        this.settings = settings;
        this.out = out;
        this.log = log;
    }

    int run() throws UsageException, PrismaRegistryException, InterruptedException {
        List<RegistrationRequest> requests = requests();
        settings.createOutputDirectory();
        log.debug("Console: " + settings.connection + ", credentials from " + settings.credentials.source());
        List<RegistrationResult> results = new ArrayList<>();
        try (RegistryRegistrar registrar = RegistryRegistrar.builder(settings.connection).log(log)
                .backupDirectory(settings.outputDirectory).build()) {
            // One call per image, in the order given: each is one entry, as with a single image.
            for (RegistrationRequest request : requests) {
                log.debug("Request: " + request);
                results.add(operation == Operation.REGISTER ? registrar.register(request) : registrar.unregister(request));
            }
        } catch (ConsoleAuthenticationException | ConsolePermissionException e) {
            throw new ConsoleAuthenticationException(e.getMessage() + " The credentials came from "
                    + settings.credentials.source() + ".", e);
        }
        new ResultReport(operation.verb(), settings.json).write(results, settings.outputDirectory, out,
                GithubActions.from(settings.environment()));
        return ExitCode.OK;
    }

    /** One request per image; one without an image when only registry and repository name the entry. */
    private List<RegistrationRequest> requests() throws PrismaRegistryException {
        List<String> images = settings.raw.images();
        if (images.isEmpty()) {
            return List.of(settings.values.registrationRequest().build());
        }
        List<RegistrationRequest> requests = new ArrayList<>();
        for (String image : images) {
            requests.add(ParameterReader.read(settings.raw.sourceFor(image), settings.raw.naming(), operation)
                    .registrationRequest().build());
        }
        return requests;
    }
}
