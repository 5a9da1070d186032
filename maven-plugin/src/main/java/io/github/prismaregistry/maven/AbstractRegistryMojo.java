package io.github.prismaregistry.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
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

    static final String PROPERTY_PREFIX = "prismaRegistry.";
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
     * Accept any TLS certificate from the Console. Dangerous: anyone in the network path can read the credentials.
     * Prefer {@code caCertificate}.
     */
    @Parameter(property = "prismaRegistry.insecureSkipTlsVerify", defaultValue = "false")
    boolean insecureSkipTlsVerify;

    /** Seconds to wait for a connection to the Console. */
    @Parameter(property = "prismaRegistry.connectTimeout", defaultValue = "10")
    int connectTimeout;

    /** Seconds to wait for a Console response. */
    @Parameter(property = "prismaRegistry.readTimeout", defaultValue = "60")
    int readTimeout;

    /** How often a failed read or full-list write is retried (network errors, 429, 502/503/504); 0 = never. */
    @Parameter(property = "prismaRegistry.retries", defaultValue = "3")
    int retries;

    // ---- the entry ----

    /**
     * Image whose repository is registered, e.g. {@code registry.example.com/shop/checkout:1.4.2}. Unset: the image
     * Jib built (read from {@code jibImageJson}), unless {@code repository} is given.
     */
    @Parameter(property = "prismaRegistry.image")
    String image;

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
    Integer cap;

    /** Number of Defenders that scan in parallel (default 2). */
    @Parameter(property = "prismaRegistry.scanners")
    Integer scanners;

    /** Collections that select the scanning Defenders; the property takes a comma separated list (default {@code All}). */
    @Parameter(property = "prismaRegistry.collections")
    List<String> collections;

    // ---- behaviour ----

    /** Save the entry without starting a scan now; by default saving starts one (only when something is written). */
    @Parameter(property = "prismaRegistry.scanLater", defaultValue = "false")
    boolean scanLater;

    /** Show what would be done, write nothing. The result file still records the plan. */
    @Parameter(property = "prismaRegistry.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Do nothing. */
    @Parameter(property = "prismaRegistry.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build when the goal fails; {@code false} logs a warning and lets the build continue. */
    @Parameter(property = "prismaRegistry.failOnError", defaultValue = "true")
    boolean failOnError;

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

    final SettingsDecrypter settingsDecrypter;

    AbstractRegistryMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** {@code register} or {@code unregister}, for messages. */
    abstract String goal();

    abstract RegistrationResult invoke(RegistryRegistrar registrar, RegistrationRequest request)
            throws PrismaRegistryException, InterruptedException;

    /** Goal-specific request fields (e.g. updateExisting). */
    void customize(RegistrationRequest.Builder request) {
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String skipReason = skipReason();
        if (skipReason != null) {
            getLog().info("Skipping prisma-registry:" + goal() + ": " + skipReason);
            return;
        }
        try {
            run();
        } catch (MojoFailureException | MojoExecutionException e) {
            // An interrupted build is being stopped on purpose: never report that as "continuing".
            if (failOnError || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            getLog().warn("prisma-registry:" + goal() + " failed; the build continues because failOnError is false: "
                    + e.getMessage());
        }
    }

    private void run() throws MojoExecutionException, MojoFailureException {
        if (isBlank(consoleUrl)) {
            throw new MojoFailureException(Messages.missingParameter("consoleUrl",
                    "https://console.example.com:8083", "the address of your Prisma Cloud Compute Console"));
        }
        RegistrationRequest request = toRequest(resolveImage());
        ResolvedCredentials credentials = new SettingsCredentials(settings, settingsDecrypter, System.getenv())
                .resolve(serverId);
        ProxySettings proxy = new SettingsProxy(settings, settingsDecrypter).forConsole(consoleUrl);
        ConsoleConnection connection = toConnection(credentials, proxy);
        getLog().debug("Console: " + connection + ", credentials from " + credentials.source()
                + ", proxy: " + (proxy == null ? "none" : proxy));
        getLog().debug("Request: " + request);

        Path output = outputDirectory.toPath();
        RegistrationResult result;
        try {
            Files.createDirectories(output);
            try (RegistryRegistrar registrar = RegistryRegistrar.builder(connection)
                    .log(new MavenRegistryLog(getLog()))
                    .backupDirectory(output)
                    .build()) {
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

    /** Why this execution does nothing, or {@code null}. */
    String skipReason() {
        if (skip) {
            return "skip is true (prismaRegistry.skip)";
        }
        if (mavenProject != null && "pom".equals(mavenProject.getPackaging()) && !hasExplicitImage()) {
            return "module " + mavenProject.getArtifactId() + " has pom packaging and no <image> or <repository> is set";
        }
        return null;
    }

    private boolean hasExplicitImage() {
        return !isBlank(image) || !isBlank(repository);
    }

    /** The image reference to register: explicit configuration first, then Jib's output; {@code null} with a repository. */
    String resolveImage() throws MojoFailureException {
        if (hasExplicitImage()) {
            return isBlank(image) ? null : image.trim();
        }
        if (jibImageJson != null && jibImageJson.isFile()) {
            JibImageFile jib = JibImageFile.read(jibImageJson.toPath());
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
        RegistrationRequest.Builder builder = RegistrationRequest.builder()
                .image(resolvedImage)
                .registry(registry)
                .repository(repository)
                .tag(tag)
                .registryType(registryType)
                .registryCredentialId(registryCredentialId)
                .os(os)
                .cap(cap)
                .scanners(scanners)
                .collections(cleanList(collections))
                .scanLater(scanLater)
                .dryRun(dryRun);
        customize(builder);
        return builder.build();
    }

    ConsoleConnection toConnection(ResolvedCredentials credentials, ProxySettings proxy) {
        String version = isBlank(apiVersion) || apiVersion.trim().equalsIgnoreCase("discover") ? null : apiVersion;
        return ConsoleConnection.builder(consoleUrl)
                .apiVersion(version)
                .project(project)
                .credentials(credentials == null ? null : credentials.credentials())
                .caCertificateFile(caCertificate == null ? null : caCertificate.toPath())
                .insecureSkipTlsVerify(insecureSkipTlsVerify)
                .proxy(proxy)
                .connectTimeout(Duration.ofSeconds(connectTimeout))
                .readTimeout(Duration.ofSeconds(readTimeout))
                .retries(retries)
                .userAgent("prisma-registry-maven-plugin"
                        + (pluginDescriptor == null ? "" : "/" + pluginDescriptor.getVersion()))
                .build();
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

    /** Trims the items; a list with nothing in it means "use the default". */
    static List<String> cleanList(List<String> items) {
        if (items == null) {
            return null;
        }
        List<String> cleaned = items.stream()
                .filter(item -> item != null)
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
        return cleaned.isEmpty() ? null : cleaned;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
