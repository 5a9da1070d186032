package io.github.prismaregistry.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterSource;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters and flow shared by {@code register} and {@code unregister}: resolve the image, credentials and proxy,
 * hand one request to the common engine, report the result. Everything else lives in the engine.
 */
abstract class AbstractRegistryMojo extends AbstractMojo {

    static final String RESULT_FILE = "result.json";

    // ---- connection ----

    /**
     * Address of the Prisma Cloud Compute Console, e.g. {@code https://console.example.com:8083}; for SaaS include the
     * tenant path, e.g. {@code https://us-east1.cloud.twistlock.com/us-3-123456}.
     */
    @Parameter(property = "prismaRegistry.consoleUrl")
    String consoleUrl;

    /**
     * Id of the settings.xml {@code <server>} holding the Console credentials: {@code <username>} and
     * {@code <password>} for a login or SaaS access key, or only {@code <password>} for an API token. The password may
     * be encrypted with {@code mvn --encrypt-password}. Without such a server the environment variables
     * {@code PRISMA_USERNAME}/{@code PRISMA_PASSWORD}, or {@code PRISMA_TOKEN}, are used.
     */
    @Parameter(property = "prismaRegistry.serverId", defaultValue = "prisma-cloud")
    String serverId;

    /**
     * Console API version, e.g. {@code v34.03}. Unset (or {@code discover}): asked from the Console.
     */
    @Parameter(property = "prismaRegistry.apiVersion")
    String apiVersion;

    /** Prisma Cloud Compute project (Projects tenants only); unset: the Central Console. */
    @Parameter(property = "prismaRegistry.project")
    String project;

    /** PEM file with the CA certificate(s) to trust for the Console, for consoles with a private CA. */
    @Parameter(property = "prismaRegistry.caCertificate")
    File caCertificate;

    /**
     * Accept any TLS certificate from the Console ({@code true} or {@code false}). Dangerous: anyone in the network path can read the credentials.
     * Prefer {@code caCertificate}.
     */
    @Parameter(property = "prismaRegistry.skipTlsVerify", defaultValue = "false")
    String skipTlsVerify;

    /** Seconds to wait for a connection to the Console. */
    @Parameter(property = "prismaRegistry.connectTimeout", defaultValue = "10")
    String connectTimeout;

    /** Seconds to wait for a Console response. */
    @Parameter(property = "prismaRegistry.readTimeout", defaultValue = "60")
    String readTimeout;

    /** How often a failed read or full-list write is retried (network errors, 429, 502/503/504); 0 = never. */
    @Parameter(property = "prismaRegistry.retries", defaultValue = "3")
    String retries;

    // ---- the entry ----

    /**
     * Image whose repository is registered, e.g. {@code registry.example.com/shop/checkout:1.4.2}. Unset: the image
     * Jib built (read from {@code jibImageJson}), unless {@code repository} is given.
     */
    @Parameter(property = "prismaRegistry.image")
    String image;

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

    /** Do nothing. */
    @Parameter(property = "prismaRegistry.skip", defaultValue = "false")
    String skip;

    /** Fail the build when the goal fails; {@code false} logs a warning and lets the build continue. */
    @Parameter(property = "prismaRegistry.failOnError", defaultValue = "true")
    String failOnError;

    /** Where {@code result.json} and the backup of the settings read before a write are stored. */
    @Parameter(property = "prismaRegistry.outputDirectory", defaultValue = "${project.build.directory}/prisma-registry")
    File outputDirectory;

    /** The file Jib writes after building an image; its {@code image} is used when {@code image} is not set. */
    @Parameter(property = "prismaRegistry.jibImageJson", defaultValue = "${project.build.directory}/jib-image.json")
    File jibImageJson;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject mavenProject;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor pluginDescriptor;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    final SettingsDecrypter settingsDecrypter;

    /** This execution's checked values; read first thing in {@link #execute()}. */
    ParameterValues values;

    AbstractRegistryMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** What this goal does; it decides which catalogue parameters are read. */
    abstract Operation operation();

    /** {@code register} or {@code unregister}, for messages. */
    final String goal() {
        return operation().verb();
    }

    abstract RegistrationResult invoke(RegistryRegistrar registrar, RegistrationRequest request)
            throws PrismaRegistryException, InterruptedException;

    /** Several requests in one call; each outcome is its own. */
    abstract List<RegistrationOutcome> invokeAll(RegistryRegistrar registrar, List<RegistrationRequest> requests)
            throws InterruptedException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        ParameterSource source = source();
        boolean failOnError = true;
        try {
            // Read first: skip short-cuts everything, failOnError decides how other mistakes are reported.
            if (Parameters.SKIP.parse(source.raw(Parameters.SKIP), ParameterNaming.MAVEN)) {
                getLog().info("Skipping prisma-registry:" + goal() + ": skip is true (" + Parameters.SKIP.propertyName() + ")");
                return;
            }
            failOnError = Parameters.FAIL_ON_ERROR.parse(source.raw(Parameters.FAIL_ON_ERROR), ParameterNaming.MAVEN);
            readValues(source);
        } catch (InvalidRequestException e) {
            failed(new MojoFailureException(Messages.invalidParameter(e), e), failOnError);
            return;
        }
        String skipReason = skipReason();
        if (skipReason != null) {
            getLog().info("Skipping prisma-registry:" + goal() + ": " + skipReason);
            return;
        }
        try {
            run();
        } catch (MojoFailureException | MojoExecutionException e) {
            failed(e, failOnError);
        }
    }

    /** Parses and checks every value this goal reads; a mistake names the element and the property. */
    void readValues(ParameterSource source) throws InvalidRequestException {
        values = ParameterReader.read(source, ParameterNaming.MAVEN, operation());
    }

    private void failed(AbstractMojoExecutionException e, boolean failOnError)
            throws MojoFailureException, MojoExecutionException {
        // An interrupted build is being stopped on purpose: never report that as "continuing".
        if (failOnError || Thread.currentThread().isInterrupted()) {
            if (e instanceof MojoFailureException failure) {
                throw failure;
            }
            throw (MojoExecutionException) e;
        }
        getLog().warn("prisma-registry:" + goal() + " failed; the build continues because failOnError is false: "
                + e.getMessage());
    }

    private void run() throws MojoExecutionException, MojoFailureException {
        String consoleUrl = values.get(Parameters.CONSOLE_URL);
        if (consoleUrl == null) {
            throw new MojoFailureException(Messages.missingParameter(Parameters.CONSOLE_URL,
                    "https://console.example.com:8083", "the address of your Prisma Cloud Compute Console"));
        }
        List<String> several = severalImages();
        RegistrationRequest request = several.isEmpty() ? toRequest(resolveImage()) : null;
        ResolvedCredentials credentials = new SettingsCredentials(settings, settingsDecrypter, System.getenv())
                .resolve(values.get(Parameters.SERVER_ID));
        ProxySettings proxy = new SettingsProxy(settings, settingsDecrypter).forConsole(consoleUrl);
        ConsoleConnection connection = toConnection(credentials, proxy);
        getLog().debug("Console: " + connection + ", credentials from " + credentials.source()
                + ", proxy: " + (proxy == null ? "none" : proxy));
        getLog().debug("Request: " + (request != null ? request : several));

        Path output = values.get(Parameters.OUTPUT_DIRECTORY);
        RegistrationResult result;
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
        } catch (InvalidRequestException e) {
            throw new MojoFailureException(Messages.invalidParameter(e), e);
        } catch (ConsoleAuthenticationException | ConsolePermissionException e) {
            // The engine knows the user, not where it came from; say which setting to fix.
            throw new MojoExecutionException(e.getMessage() + " The credentials came from " + credentials.source() + ".", e);
        } catch (PrismaRegistryException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while talking to the Console at " + consoleUrl, e);
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
                        ? outcome.error().getMessage() + " The credentials came from " + credentials.source() + "."
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

    /** Why this execution does nothing although skip is false, or {@code null}. */
    String skipReason() {
        if (mavenProject != null && "pom".equals(mavenProject.getPackaging()) && !hasExplicitImage()) {
            return "module " + mavenProject.getArtifactId() + " has pom packaging and no <image> or <repository> is set";
        }
        return null;
    }

    private boolean hasExplicitImage() {
        return values.isSet(Parameters.IMAGE) || values.isSet(Parameters.REPOSITORY) || !severalImages().isEmpty();
    }

    /** The image reference to register: explicit configuration first, then Jib's output; {@code null} with a repository. */
    String resolveImage() throws MojoFailureException {
        if (hasExplicitImage()) {
            return values.get(Parameters.IMAGE);
        }
        Path jibImageJson = values.get(Parameters.JIB_IMAGE_JSON);
        if (jibImageJson != null && Files.isRegularFile(jibImageJson)) {
            JibImageFile jib = JibImageFile.read(jibImageJson);
            if (!jib.pushed()) {
                throw new MojoFailureException("The image " + jib.image() + " in " + jibImageJson + " was not pushed to a"
                        + " registry (built with jib:dockerBuild or jib:buildTar?). Prisma Cloud Compute can only scan images"
                        + " in a registry: push it with jib:build, or set <image> / -DprismaRegistry.image to register"
                        + " a repository explicitly.");
            }
            getLog().info("Image " + jib.image() + " (from " + jibImageJson + ")");
            return jib.image();
        }
        throw new MojoFailureException("No image to " + goal() + ": set <image> in the plugin configuration or pass"
                + " -DprismaRegistry.image=registry.example.com/team/app:1.0 (or set <registry> and <repository>),"
                + " or build and push the image with Jib first so that " + jibImageJson + " exists.");
    }

    RegistrationRequest toRequest(String resolvedImage) {
        return values.registrationRequest().image(resolvedImage).build();
    }

    ConsoleConnection toConnection(ResolvedCredentials credentials, ProxySettings proxy) {
        return values.consoleConnection()
                .credentials(credentials == null ? null : credentials.credentials())
                .proxy(proxy)
                .userAgent("prisma-registry-maven-plugin"
                        + (pluginDescriptor == null ? "" : "/" + pluginDescriptor.getVersion()))
                .build();
    }

    /** The raw values of this execution: the fields Maven filled, with {@code -D} user properties winning. */
    ParameterSource source() {
        Properties userProperties = session == null ? new Properties() : session.getUserProperties();
        Path basedir = mavenProject == null || mavenProject.getBasedir() == null ? null : mavenProject.getBasedir().toPath();
        return new MavenParameterSource(configuredValues(), userProperties, basedir, getLog());
    }

    /** Each goal field named after a catalogue parameter, as text; the field names are the POM element names. */
    private Map<String, String> configuredValues() {
        Map<String, String> configured = new HashMap<>();
        for (Class<?> type = getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Parameters.named(field.getName()) == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    String text = asText(field.get(this));
                    if (text != null) {
                        configured.putIfAbsent(field.getName(), text);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        return configured;
    }

    private static String asText(Object value) {
        if (value instanceof File file) {
            return file.getPath();
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().filter(Objects::nonNull).map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
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

    static void writeResult(Map<String, Object> result, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    }

}
