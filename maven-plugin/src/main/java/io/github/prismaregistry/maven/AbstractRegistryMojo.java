package io.github.prismaregistry.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters and flow shared by {@code register} and {@code unregister}: resolve the image, credentials and proxy,
 * hand one request to the common engine, report the result. Everything else lives in the engine.
 */
abstract class AbstractRegistryMojo extends ConsoleMojo {

    static final String RESULT_FILE = "result.json";

    // ---- the entry ----

    /**
     * Several images in one call, e.g. {@code <images><image>registry.example.com/shop/cart:2.0</image>...</images>}
     * (the property takes a comma separated list); each is handled as {@code image} would be, together with
     * {@code image} when both are set, and all of them with one read of the list. The other entry settings apply to
     * each. {@code result.json} then holds one result per image, in this order.
     */
    @Parameter(property = "prismaRegistry.images")
    List<String> images;

    /**
     * Registry host, e.g. {@code registry.example.com:5000}; overrides the host in {@code image}. A
     * {@code repository} given without {@code image} or {@code registry} is on Docker Hub.
     */
    @Parameter(property = "prismaRegistry.registry")
    String registry;

    /** Repository, e.g. {@code shop/checkout}, overriding the one in {@code image}; may be a pattern like {@code shop/*}. */
    @Parameter(property = "prismaRegistry.repository")
    String repository;

    /**
     * Tag or tag pattern to pin. Unset: one entry per repository (tag {@code ""}), so new tags need no new entry;
     * Prisma scans the {@code cap} newest images.
     */
    @Parameter(property = "prismaRegistry.tag")
    String tag;

    /**
     * Prisma registry type ({@code version} field): {@code 2} (Docker V2), {@code aws}, {@code azure}, {@code gcr},
     * {@code gitlab}, {@code harbor}, {@code jfrog}, {@code sonatype}, {@code coreos}, {@code redhat},
     * {@code bluemix}, {@code dtr}. Unset: inferred from the registry host.
     */
    @Parameter(property = "prismaRegistry.registryType")
    String registryType;

    /** Id of the registry credential stored in the Console (Manage > Authentication > Credentials store). */
    @Parameter(property = "prismaRegistry.registryCredentialId")
    String registryCredentialId;

    /** Operating system of the images: {@code linux} (default), {@code linuxARM64} or {@code windows}. */
    @Parameter(property = "prismaRegistry.os")
    String os;

    /** How many of the newest images of the repository Prisma scans (default 5; 0 = all). */
    @Parameter(property = "prismaRegistry.cap")
    String cap;

    /** Number of Defenders that scan in parallel (default 2). */
    @Parameter(property = "prismaRegistry.scanners")
    String scanners;

    /** Collections that select the scanning Defenders; the property takes a comma separated list (default {@code All}). */
    @Parameter(property = "prismaRegistry.collections")
    List<String> collections;

    // ---- behaviour ----

    /** Save the entry without starting a scan now; by default saving starts one (only when something is written). */
    @Parameter(property = "prismaRegistry.scanLater", defaultValue = "false")
    String scanLater;

    /** Show what would be done, write nothing. The result file still records the plan. */
    @Parameter(property = "prismaRegistry.dryRun", defaultValue = "false")
    String dryRun;

    AbstractRegistryMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    abstract RegistrationResult invoke(RegistryRegistrar registrar, RegistrationRequest request)
            throws PrismaRegistryException, InterruptedException;

    /** Several requests in one call; each outcome is its own. */
    abstract List<RegistrationOutcome> invokeAll(RegistryRegistrar registrar, List<RegistrationRequest> requests)
            throws InterruptedException;

    @Override
    final void run() throws MojoExecutionException, MojoFailureException {
        String consoleUrl = requireConsoleUrl();
        List<String> several = severalImages();
        RegistrationRequest request = several.isEmpty() ? toRequest(resolveImage()) : null;
        ResolvedCredentials credentials = resolveCredentials();
        ConsoleConnection connection = connect(consoleUrl, credentials);
        getLog().debug("Request: " + (request != null ? request : several));

        Path output = values.get(Parameters.OUTPUT_DIRECTORY);
        RegistrationResult result = null;
        try {
            Files.createDirectories(output);
            try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection)
                    .log(new MavenRegistryLog(getLog()))
                    .backupDirectory(output)
                    .build()) {
                if (request == null) {
                    reportAll(invokeAll(registrar, several.stream().map(this::toRequest).toList()), output, credentials);
                    return;
                }
                result = invoke(registrar, request);
            }
        } catch (PrismaRegistryException e) {
            fail(e, credentials);
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not create the output directory " + output + ": " + e.getMessage(), e);
        }
        report(result, output);
    }

    /** Every image of {@code image} and {@code images}, each once, when {@code images} is set; else empty. */
    private List<String> severalImages() {
        List<String> several = values.get(Parameters.IMAGES);
        if (several == null || several.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        if (values.isSet(Parameters.IMAGE)) {
            all.add(values.get(Parameters.IMAGE));
        }
        several.stream().filter(i -> !all.contains(i)).forEach(all::add);
        return all;
    }

    /** One summary and one result per image; the goal fails afterwards when any of them failed. */
    private void reportAll(List<RegistrationOutcome> outcomes, Path output, ResolvedCredentials credentials)
            throws MojoExecutionException {
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (RegistrationOutcome outcome : outcomes) {
            String image = outcome.request().image();
            if (outcome.succeeded()) {
                outcome.result().summaryLines().forEach(getLog()::info);
                results.add(outcome.result().toMap());
            } else {
                String message = outcome.error() instanceof InvalidRequestException invalid ? Messages.invalidParameter(invalid)
                        : outcome.error() instanceof ConsoleAuthenticationException || outcome.error() instanceof ConsolePermissionException
                        ? credentialsProblem(outcome.error(), credentials)
                        : outcome.error().getMessage();
                getLog().error(image + ": " + message);
                failures.add(image + ": " + message);
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("image", image);
                failed.put("action", "FAILED");
                failed.put("error", message);
                results.add(failed);
            }
        }
        Path file = output.resolve(RESULT_FILE);
        resultWritten = true;
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("  results: " + file);
        if (!failures.isEmpty()) {
            throw new MojoExecutionException(failures.size() + " of " + outcomes.size() + " images could not be "
                    + (goal().equals("register") ? "registered" : "unregistered") + " (the others were): "
                    + String.join("; ", failures));
        }
    }

    @Override
    boolean hasExplicitImage() {
        return super.hasExplicitImage() || values.isSet(Parameters.REPOSITORY) || !severalImages().isEmpty();
    }

    @Override
    String explicitImageElements() {
        return "<image> or <repository>";
    }

    @Override
    String alternativeToImage() {
        return " (or set <registry> and <repository>)";
    }

    /** The image reference to register: explicit configuration first, then Jib's output; {@code null} with a repository. */
    String resolveImage() throws MojoFailureException {
        if (hasExplicitImage()) {
            return values.get(Parameters.IMAGE);
        }
        JibImageFile jib = pushedJibImage();
        if (jib == null) {
            throw noImage();
        }
        return jib.image();
    }

    RegistrationRequest toRequest(String resolvedImage) {
        return values.registrationRequest().image(resolvedImage).build();
    }

    private void report(RegistrationResult result, Path output) throws MojoExecutionException {
        for (String line : result.summaryLines()) {
            getLog().info(line);
        }
        Path file = output.resolve(RESULT_FILE);
        try {
            writeResult(result.toMap(), file);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("  result: " + file);
    }

    /** Failing on purpose after the results of several images were written: those stay. */
    boolean resultWritten;

    @Override
    void reportFailure(AbstractMojoExecutionException e) {
        Path file = resultFile();
        if (file == null || resultWritten) {
            return;
        }
        Throwable cause = e.getCause();
        String errorType = (cause instanceof PrismaRegistryException ? cause : e).getClass().getSimpleName();
        String parameter = cause instanceof InvalidRequestException invalid ? invalid.parameter() : null;
        try {
            Files.createDirectories(file.getParent());
            writeResult(RegistrationResult.failureMap(goal(), errorType, parameter, e.getMessage()), file);
        } catch (IOException io) {
            getLog().warn("Could not write " + file + ": " + io.getMessage());
        }
    }

    @Override
    void skipped() {
        Path file = resultFile();
        if (file == null) {
            return;
        }
        try {
            if (Files.deleteIfExists(file)) {
                getLog().info("Removed " + file + " of an earlier run: this run did nothing.");
            }
        } catch (IOException e) {
            getLog().warn("Could not remove " + file + " of an earlier run: " + e.getMessage());
        }
    }

    /** Where this run's result goes: the output directory as read, or as configured when reading failed. */
    private Path resultFile() {
        Path directory = values != null ? values.get(Parameters.OUTPUT_DIRECTORY)
                : outputDirectory == null ? null : outputDirectory.toPath();
        return directory == null ? null : directory.resolve(RESULT_FILE);
    }

    static void writeResult(Map<String, Object> result, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    }

}
