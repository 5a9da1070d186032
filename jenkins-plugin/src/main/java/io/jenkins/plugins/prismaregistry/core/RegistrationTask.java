package io.jenkins.plugins.prismaregistry.core;

import hudson.AbortException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterValues;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One register or unregister call, from plain values to the returned map. The Pipeline steps and the freestyle
 * build step both end up here; the Jenkins side only supplies credentials, proxy, build folder and log.
 */
public final class RegistrationTask {

    /** Optional scheme, then the user info up to the last {@code @} of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)?([^/?#]*)@");

    /** Resolves the Console credentials; a lookup failure is a {@link PrismaRegistryException} like any other. */
    @FunctionalInterface
    public interface CredentialsSource {
        ConsoleCredentials resolve() throws PrismaRegistryException;
    }

    private final Operation operation;
    private final StepArguments arguments;
    private final ConnectionSettings settings;
    private final String userAgent;

    /** @param settings the global configuration, used where the step leaves a value unset */
    public RegistrationTask(Operation operation, StepArguments arguments, ConnectionSettings settings, String userAgent) {
        this.operation = operation;
        this.arguments = arguments;
        this.settings = settings;
        this.userAgent = userAgent;
    }

    /**
     * Runs the call. Progress and a summary go to {@code log}; the result map is also written to
     * {@code workDirectory} (with the engine's backups).
     *
     * @param proxy {@code null} for a direct connection
     * @return the result map; with {@code failOnError: false} a failure is returned with action {@code FAILED}
     * @throws RegistrationFailedException when the call failed and {@code failOnError} is on
     */
    public Map<String, Object> run(CredentialsSource credentials, ProxySettings proxy, Path workDirectory, PrintStream log)
            throws RegistrationFailedException, InterruptedException, IOException {
        SecretMasker masker = new SecretMasker();
        if (proxy != null) {
            masker.addLogin(proxy.username(), proxy.password());
        }
        // The engine rejects a password in consoleUrl, but messages may quote the URL on the way (e.g. one without
        // a scheme): keep that password out of the log and the result file as well.
        masker.add(userInfoPassword(Strings.firstNonBlank(arguments.consoleUrl(), settings.consoleUrl())));
        Map<String, Object> result;
        try {
            // Every value is checked before the credentials are looked up or anything is sent.
            ParameterValues values = ParameterReader.read(arguments.orElse(settings), ParameterNaming.JENKINS,
                    operation.catalogueOperation());
            ConsoleCredentials consoleCredentials = credentials.resolve();
            masker.addLogin(consoleCredentials.username(), consoleCredentials.secret());
            ConsoleConnection connection = ConnectionAssembler.assemble(values, consoleCredentials, proxy, userAgent);
            RegistrationRequest request = values.registrationRequest().build();
            log.println(masker.mask(header(connection, request)));
            RegistrationResult outcome;
            try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection)
                    .log(new MaskingLog(log, masker))
                    .backupDirectory(workDirectory)
                    .build()) {
                outcome = operation == Operation.REGISTER ? registrar.register(request) : registrar.unregister(request);
            }
            for (String line : outcome.summaryLines()) {
                log.println(masker.mask(line));
            }
            result = ResultMaps.success(operation, outcome);
        } catch (PrismaRegistryException e) {
            String message = masker.mask(failureMessage(e));
            Map<String, Object> failure = ResultMaps.failure(operation, arguments.describeTarget(), e, message);
            Path file = ResultFiles.write(workDirectory, operation, failure, masker);
            if (arguments.failOnError()) {
                throw new RegistrationFailedException(message);
            }
            log.println("WARNING: " + message);
            log.println("failOnError is false, so the build goes on; details in " + file);
            return failure;
        } catch (RuntimeException e) {
            throw Masking.rethrowable(e, masker);
        }
        ResultFiles.write(workDirectory, operation, result, masker);
        return result;
    }

    /**
     * {@link #run} as the steps call it: a failure with {@code failOnError} on becomes an {@link AbortException},
     * which Jenkins reports by its message alone. Nothing thrown here has a cause or a class outside the JDK and
     * Jenkins core, so Pipeline can store it as it is (docs/jenkins-pipeline-state.md).
     */
    public Map<String, Object> runForJenkins(CredentialsSource credentials, ProxySettings proxy, Path workDirectory,
            PrintStream log) throws IOException, InterruptedException {
        try {
            return run(credentials, proxy, workDirectory, log);
        } catch (RegistrationFailedException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** {@link #runAll} as the steps call it, failing with an {@link AbortException} like {@link #runForJenkins}. */
    public List<Map<String, Object>> runAllForJenkins(CredentialsSource credentials, ProxySettings proxy,
            Path workDirectory, PrintStream log) throws IOException, InterruptedException {
        try {
            return runAll(credentials, proxy, workDirectory, log);
        } catch (RegistrationFailedException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * A call with several images ({@code images}), which the engine serves together: one read of the list for all.
     * Returns one result map per image, in order, each also written to {@code workDirectory}. One image's failure is
     * its own: the others still run; with {@code failOnError} on, the call fails afterwards, naming the failed ones.
     */
    public List<Map<String, Object>> runAll(CredentialsSource credentials, ProxySettings proxy, Path workDirectory,
            PrintStream log) throws RegistrationFailedException, InterruptedException, IOException {
        SecretMasker masker = new SecretMasker();
        if (proxy != null) {
            masker.addLogin(proxy.username(), proxy.password());
        }
        masker.add(userInfoPassword(Strings.firstNonBlank(arguments.consoleUrl(), settings.consoleUrl())));
        List<String> images = arguments.images();
        Map<Integer, Map<String, Object>> results = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<RegistrationRequest> requests = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        ConsoleConnection connection = null;
        try {
            for (int i = 0; i < images.size(); i++) {
                try {
                    ParameterValues values = ParameterReader.read(arguments.forImage(images.get(i)).orElse(settings),
                            ParameterNaming.JENKINS, operation.catalogueOperation());
                    requests.add(values.registrationRequest().build());
                    positions.add(i);
                    if (connection == null) {
                        ConsoleCredentials consoleCredentials = credentials.resolve();
                        masker.addLogin(consoleCredentials.username(), consoleCredentials.secret());
                        connection = ConnectionAssembler.assemble(values, consoleCredentials, proxy, userAgent);
                    }
                } catch (io.github.prismaregistry.api.InvalidRequestException e) {
                    results.put(i, failed(e, images.get(i), masker, failures, log));
                }
            }
            if (!requests.isEmpty()) {
                log.println(masker.mask(header(connection, requests.get(0), images.size() + " images ("
                        + String.join(", ", images) + ")")));
                List<RegistrationOutcome> outcomes;
                try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection)
                        .log(new MaskingLog(log, masker))
                        .backupDirectory(workDirectory)
                        .build()) {
                    outcomes = operation == Operation.REGISTER ? registrar.registerAll(requests) : registrar.unregisterAll(requests);
                }
                for (int k = 0; k < outcomes.size(); k++) {
                    RegistrationOutcome outcome = outcomes.get(k);
                    int i = positions.get(k);
                    if (outcome.succeeded()) {
                        for (String line : outcome.result().summaryLines()) {
                            log.println(masker.mask(line));
                        }
                        results.put(i, ResultMaps.success(operation, outcome.result()));
                    } else if (outcome.error() instanceof PrismaRegistryException e) {
                        results.put(i, failed(e, images.get(i), masker, failures, log));
                    } else if (outcome.error() instanceof InterruptedException e) {
                        throw e;
                    } else {
                        throw Masking.rethrowable((RuntimeException) outcome.error(), masker);
                    }
                }
            }
        } catch (PrismaRegistryException e) {
            // Before any image ran (the credentials, the connection): every image not yet decided fails alike.
            for (int i = 0; i < images.size(); i++) {
                if (!results.containsKey(i)) {
                    results.put(i, failed(e, images.get(i), masker, failures, log));
                }
            }
        } catch (RuntimeException e) {
            throw Masking.rethrowable(e, masker);
        }
        for (Map<String, Object> result : results.values()) {
            ResultFiles.write(workDirectory, operation, result, masker);
        }
        if (!failures.isEmpty()) {
            String message = failures.size() + " of " + images.size() + " images failed: " + String.join(" ", failures);
            if (arguments.failOnError()) {
                throw new RegistrationFailedException(message);
            }
            log.println("WARNING: " + message);
            log.println("failOnError is false, so the build goes on; each image's result is returned and saved.");
        }
        return new ArrayList<>(results.values());
    }

    private Map<String, Object> failed(PrismaRegistryException e, String image, SecretMasker masker, List<String> failures,
            PrintStream log) {
        String message = masker.mask(failureMessage(e, image));
        log.println("ERROR: " + message);
        failures.add(message);
        return ResultMaps.failure(operation, image, e, message);
    }

    private String header(ConsoleConnection connection, RegistrationRequest request) {
        return header(connection, request, arguments.describeTarget());
    }

    private String header(ConsoleConnection connection, RegistrationRequest request, String target) {
        return "Prisma Cloud Compute: " + operation.verb() + " " + target
                + " on " + withoutUserInfo(connection.consoleUrl())
                + (request.dryRun() ? " (dry run: nothing will be written)" : "")
                + (operation == Operation.REGISTER ? ", scanLater=" + request.scanLater() : "");
    }

    private String failureMessage(PrismaRegistryException e) {
        return failureMessage(e, arguments.describeTarget());
    }

    private String failureMessage(PrismaRegistryException e, String target) {
        String what = "Could not " + operation.verb() + " " + target + " with Prisma Cloud Compute";
        if (e instanceof InvalidRequestException && ((InvalidRequestException) e).parameter() != null) {
            return what + ". Check '" + ((InvalidRequestException) e).parameter() + "': " + e.getMessage();
        }
        return what + ": " + e.getMessage();
    }

    /**
     * A URL such as {@code https://user:pw@host} is shown without the part before {@code @}. The user info runs to the
     * last {@code @} before the path: a password typed with a raw {@code @} ({@code https://ci:p@ss@host}) must not
     * leave {@code ss@host} behind. A missing scheme ({@code ci:pw@host}) is handled the same way.
     */
    static String withoutUserInfo(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1");
    }

    /** The password part of a URL's user info ({@code pw} of {@code https://ci:pw@host}), or {@code null}. */
    static String userInfoPassword(String url) {
        Matcher m = url == null ? null : USER_INFO.matcher(url);
        if (m == null || !m.find()) {
            return null;
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        return colon < 0 || colon == userInfo.length() - 1 ? null : userInfo.substring(colon + 1);
    }
}
