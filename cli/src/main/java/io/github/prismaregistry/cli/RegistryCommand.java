package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
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
        requests.forEach(request -> log.debug("Request: " + request));
        List<RegistrationOutcome> outcomes;
        try (RegistryRegistrar registrar = RegistryRegistrar.builder(settings.connection).log(log)
                .backupDirectory(settings.outputDirectory).build()) {
            if (requests.size() == 1) {
                RegistrationRequest request = requests.get(0);
                outcomes = List.of(RegistrationOutcome.succeeded(request, operation == Operation.REGISTER
                        ? registrar.register(request) : registrar.unregister(request)));
            } else {
                // Several images are served together: one read, one write per change, one verifying read.
                outcomes = operation == Operation.REGISTER ? registrar.registerAll(requests)
                        : registrar.unregisterAll(requests);
            }
        } catch (ConsoleAuthenticationException | ConsolePermissionException e) {
            throw withCredentialSource(e);
        }
        new ResultReport(operation.verb(), settings.json).write(outcomes, settings.outputDirectory, out,
                GithubActions.from(settings.environment()));
        for (RegistrationOutcome outcome : outcomes) {
            if (!outcome.succeeded()) {
                // The report above names every image that failed; the exit code is that of the first failure.
                throw failure(outcome);
            }
        }
        return ExitCode.OK;
    }

    private PrismaRegistryException failure(RegistrationOutcome outcome) throws InterruptedException {
        Exception error = outcome.error();
        if (error instanceof InterruptedException e) {
            throw e;
        }
        if (error instanceof ConsoleAuthenticationException || error instanceof ConsolePermissionException) {
            return withCredentialSource((PrismaRegistryException) error);
        }
        if (error instanceof PrismaRegistryException e) {
            return e;
        }
        throw new IllegalStateException(error);
    }

    private ConsoleAuthenticationException withCredentialSource(PrismaRegistryException e) {
        return new ConsoleAuthenticationException(e.getMessage() + " The credentials came from "
                + settings.credentials.source() + ".", e);
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
