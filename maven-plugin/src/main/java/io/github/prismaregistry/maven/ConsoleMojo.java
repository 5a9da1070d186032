package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterSource;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 * What every goal shares: how to reach the Console (address, credentials from settings.xml or the environment, proxy,
 * TLS), which image is meant (explicit or Jib's output), reading the values through the catalogue, skipping, and
 * {@code failOnError}.
 */
abstract class ConsoleMojo extends AbstractMojo {

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

    // ---- the image ----

    /**
     * The image, e.g. {@code registry.example.com/shop/checkout:1.4.2}: {@code register} and {@code unregister} use its
     * repository, {@code scan} scans exactly this image (a tag, or {@code @sha256:...}). Unset: the image Jib built
     * (read from {@code jibImageJson}).
     */
    @Parameter(property = "prismaRegistry.image")
    String image;

    // ---- behaviour ----

    /** Do nothing. */
    @Parameter(property = "prismaRegistry.skip", defaultValue = "false")
    String skip;

    /**
     * Fail the build when the goal fails; {@code false} logs a warning and lets the build continue. A failed scan
     * gate is never turned into a warning.
     */
    @Parameter(property = "prismaRegistry.failOnError", defaultValue = "true")
    String failOnError;

    /** Where {@code result.json}, the scan reports and the backup of the settings read before a write are stored. */
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

    ConsoleMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** What this goal does; it decides which catalogue parameters are read. */
    abstract Operation operation();

    /** {@code register}, {@code unregister} or {@code scan}, for messages. */
    final String goal() {
        return operation().verb();
    }

    /** The goal's work, once the values are read and the goal is known not to be skipped. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        ParameterSource source = source();
        boolean failOnError = true;
        try {
            // Read first: skip short-cuts everything, failOnError decides how other mistakes are reported.
            if (Parameters.SKIP.parse(source.raw(Parameters.SKIP), ParameterNaming.MAVEN)) {
                getLog().info("Skipping prisma-registry:" + goal() + ": skip is true (" + Parameters.SKIP.propertyName() + ")");
                skipped();
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
            skipped();
            return;
        }
        try {
            run();
        } catch (GateFailedException e) {
            // The gate's verdict is what the build asked for, not an error of this plugin.
            throw e;
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
        reportFailure(e);
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

    /** A goal that writes a result file replaces it with this failure, so no later step reads an older one as this run's. */
    void reportFailure(AbstractMojoExecutionException e) {
    }

    /** A goal that writes a result file removes one an earlier run left, as this run produced none. */
    void skipped() {
    }

    /** Why this execution does nothing although skip is false, or {@code null}. */
    String skipReason() {
        if (mavenProject != null && "pom".equals(mavenProject.getPackaging()) && !hasExplicitImage()) {
            return "module " + mavenProject.getArtifactId() + " has pom packaging and no " + explicitImageElements()
                    + " is set";
        }
        return null;
    }

    /** Whether the configuration names the image itself, so that Jib's output is not needed. */
    boolean hasExplicitImage() {
        return values.isSet(Parameters.IMAGE);
    }

    /** The elements that name the image, for messages. */
    String explicitImageElements() {
        return "<image>";
    }

    /** Other ways of naming the image than {@code <image>}, for the message when none is found. */
    String alternativeToImage() {
        return "";
    }

    /** Jib's output when no image is configured: read and checked to be pushed; {@code null} when there is none. */
    JibImageFile pushedJibImage() throws MojoFailureException {
        Path jibImageJson = values.get(Parameters.JIB_IMAGE_JSON);
        if (jibImageJson == null || !Files.isRegularFile(jibImageJson)) {
            return null;
        }
        JibImageFile jib = JibImageFile.read(jibImageJson);
        if (!jib.pushed()) {
            throw new MojoFailureException("The image " + jib.image() + " in " + jibImageJson + " was not pushed to a"
                    + " registry (built with jib:dockerBuild or jib:buildTar?). Prisma Cloud Compute can only scan images"
                    + " in a registry: push it with jib:build, or set <image> / -DprismaRegistry.image to name the"
                    + " image explicitly.");
        }
        getLog().info("Image " + jib.image() + " (from " + jibImageJson + ")");
        return jib;
    }

    MojoFailureException noImage() {
        return new MojoFailureException("No image to " + goal() + ": set <image> in the plugin configuration or pass"
                + " -DprismaRegistry.image=registry.example.com/team/app:1.0" + alternativeToImage() + ","
                + " or build and push the image with Jib first so that " + values.get(Parameters.JIB_IMAGE_JSON)
                + " exists.");
    }

    /** The Console's address; fails naming the element and property when it is not set. */
    String requireConsoleUrl() throws MojoFailureException {
        String consoleUrl = values.get(Parameters.CONSOLE_URL);
        if (consoleUrl == null) {
            throw new MojoFailureException(Messages.missingParameter(Parameters.CONSOLE_URL,
                    "https://console.example.com:8083", "the address of your Prisma Cloud Compute Console"));
        }
        return consoleUrl;
    }

    ResolvedCredentials resolveCredentials() throws MojoFailureException {
        return new SettingsCredentials(settings, settingsDecrypter, System.getenv()).resolve(values.get(Parameters.SERVER_ID));
    }

    /** The connection with credentials and Maven's proxy for the Console, logged at debug level (secrets masked). */
    ConsoleConnection connect(String consoleUrl, ResolvedCredentials credentials) throws MojoFailureException {
        ProxySettings proxy = new SettingsProxy(settings, settingsDecrypter).forConsole(consoleUrl);
        ConsoleConnection connection = toConnection(credentials, proxy);
        getLog().debug("Console: " + connection + ", credentials from " + credentials.source()
                + ", proxy: " + (proxy == null ? "none" : proxy));
        return connection;
    }

    ConsoleConnection toConnection(ResolvedCredentials credentials, ProxySettings proxy) {
        return values.consoleConnection()
                .credentials(credentials == null ? null : credentials.credentials())
                .proxy(proxy)
                .userAgent("prisma-registry-maven-plugin"
                        + (pluginDescriptor == null ? "" : "/" + pluginDescriptor.getVersion()))
                .build();
    }

    /** A rejected login or permission, with where the credentials came from and, when decrypted, what that may mean. */
    static String credentialsProblem(Exception e, ResolvedCredentials credentials) {
        return e.getMessage() + " The credentials came from " + credentials.source() + "."
                + (credentials.decrypted() && e instanceof ConsoleAuthenticationException
                ? " Its password is encrypted: if it is right, decryption probably failed, because a master password in"
                + " settings-security.xml other than the one it was encrypted with can decrypt it into a wrong password"
                + " without any error. Check settings-security.xml, or encrypt the password again with"
                + " mvn --encrypt-password." : "");
    }

    /**
     * Throws an engine error as Maven reports it: a configuration mistake fails naming the element and property,
     * everything else (Console, network, timeout) is an execution error.
     */
    void fail(PrismaRegistryException e, ResolvedCredentials credentials) throws MojoExecutionException, MojoFailureException {
        if (e instanceof InvalidRequestException invalid) {
            throw new MojoFailureException(Messages.invalidParameter(invalid), e);
        }
        if (e instanceof ConsoleAuthenticationException || e instanceof ConsolePermissionException) {
            // The engine knows the user, not where it came from; say which setting to fix.
            throw new MojoExecutionException(credentialsProblem(e, credentials), e);
        }
        throw new MojoExecutionException(e.getMessage(), e);
    }

    MojoExecutionException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new MojoExecutionException("Interrupted while talking to the Console at "
                + values.get(Parameters.CONSOLE_URL), e);
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
}
