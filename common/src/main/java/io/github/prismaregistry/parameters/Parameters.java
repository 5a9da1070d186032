package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.RegistrationRequest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.prismaregistry.parameters.FrontEnd.CLI;
import static io.github.prismaregistry.parameters.FrontEnd.JENKINS;
import static io.github.prismaregistry.parameters.FrontEnd.MAVEN;
import static io.github.prismaregistry.parameters.Operation.REGISTER;
import static io.github.prismaregistry.parameters.Operation.SCAN;
import static io.github.prismaregistry.parameters.Operation.UNREGISTER;

/** The catalogue: every user-facing parameter of every front end, once. */
public final class Parameters {

    // ---- connection: every operation talks to the Console ----

    public static final Parameter<String> CONSOLE_URL = Parameter.<String>builder("consoleUrl", ParameterKind.STRING)
            .defaultText("(required)").environmentVariable("PRISMA_CONSOLE_URL")
            .meaning("Console address, e.g. https://console.example.com:8083; SaaS with the tenant path.").build();

    public static final Parameter<String> SERVER_ID = Parameter.<String>builder("serverId", ParameterKind.STRING)
            .defaultValue("prisma-cloud").frontEnds(MAVEN)
            .meaning("settings.xml <server> holding the Console login or API token.").build();

    public static final Parameter<String> CREDENTIALS_ID = Parameter.<String>builder("credentialsId", ParameterKind.STRING)
            .frontEnds(JENKINS)
            .meaning("Jenkins credentials: username with password, or secret text holding an API token.").build();

    public static final Parameter<String> USERNAME = Parameter.<String>builder("username", ParameterKind.STRING)
            .frontEnds(CLI).environmentVariable("PRISMA_USERNAME")
            .meaning("Console user, or SaaS access key ID.").build();

    public static final Parameter<String> PASSWORD = Parameter.<String>builder("password", ParameterKind.SECRET)
            .frontEnds(CLI).environmentVariable("PRISMA_PASSWORD")
            .meaning("Password of username, or SaaS secret key.").build();

    public static final Parameter<String> TOKEN = Parameter.<String>builder("token", ParameterKind.SECRET)
            .frontEnds(CLI).environmentVariable("PRISMA_TOKEN")
            .meaning("Console API token, instead of username and password.").build();

    public static final Parameter<String> API_VERSION = Parameter.<String>builder("apiVersion", ParameterKind.STRING)
            .defaultText("discover")
            .meaning("Console API version such as v34.03; unset or discover asks the Console.").build();

    public static final Parameter<String> PROJECT = Parameter.<String>builder("project", ParameterKind.STRING)
            .defaultText("Central Console")
            .meaning("Prisma Cloud Compute project (Projects tenants only).").build();

    public static final Parameter<String> CA_CERTIFICATE = Parameter.<String>builder("caCertificate", ParameterKind.PEM)
            .meaning("CA certificate(s) to trust for the Console: a PEM file, or the PEM text.").build();

    public static final Parameter<Boolean> SKIP_TLS_VERIFY = Parameter.<Boolean>builder("skipTlsVerify", ParameterKind.BOOLEAN)
            .defaultValue(false)
            .meaning("Accept any certificate from the Console. Dangerous; prefer caCertificate.").build();

    public static final Parameter<Duration> CONNECT_TIMEOUT = Parameter.<Duration>builder("connectTimeout", ParameterKind.SECONDS)
            .defaultValue(ConsoleConnection.DEFAULT_CONNECT_TIMEOUT).range(1, 3_600)
            .meaning("Seconds to wait for a connection to the Console.").build();

    public static final Parameter<Duration> READ_TIMEOUT = Parameter.<Duration>builder("readTimeout", ParameterKind.SECONDS)
            .defaultValue(ConsoleConnection.DEFAULT_READ_TIMEOUT).range(1, 3_600)
            .meaning("Seconds to wait for a Console response.").build();

    public static final Parameter<Integer> RETRIES = Parameter.<Integer>builder("retries", ParameterKind.INTEGER)
            .defaultValue(ConsoleConnection.DEFAULT_RETRIES).range(0, 20)
            .meaning("Retries of reads and full-list writes on network errors, 429, 502/503/504; 0 = none.").build();

    public static final Parameter<String> PROXY = Parameter.<String>builder("proxy", ParameterKind.STRING)
            .frontEnds(CLI).environmentVariable("HTTPS_PROXY")
            .meaning("HTTP proxy for the Console, e.g. http://proxy.example.com:3128 (Maven and Jenkins use their own proxy settings).").build();

    public static final Parameter<List<String>> NON_PROXY_HOSTS = Parameter.<List<String>>builder("nonProxyHosts", ParameterKind.LIST)
            .frontEnds(CLI).environmentVariable("NO_PROXY")
            .meaning("Hosts reached without the proxy, e.g. *.internal,10.*.").build();

    // ---- the entry ----

    public static final Parameter<String> IMAGE = Parameter.<String>builder("image", ParameterKind.STRING)
            .meaning("Image whose repository is meant, e.g. registry.example.com/shop/checkout:1.4.2.").build();

    public static final Parameter<List<String>> IMAGES = Parameter.<List<String>>builder("images", ParameterKind.LIST)
            .operations(REGISTER, UNREGISTER)
            .meaning("Several images in one call, comma separated; each is handled as image would be, all of them "
                    + "with one read of the list.").build();

    public static final Parameter<String> REGISTRY = Parameter.<String>builder("registry", ParameterKind.STRING)
            .operations(REGISTER, UNREGISTER).defaultText("host of image")
            .meaning("Registry host, overriding the one in image.").build();

    public static final Parameter<String> REPOSITORY = Parameter.<String>builder("repository", ParameterKind.STRING)
            .operations(REGISTER, UNREGISTER).defaultText("repository of image")
            .meaning("Repository, e.g. shop/checkout, or a pattern such as shop/*.").build();

    public static final Parameter<String> TAG = Parameter.<String>builder("tag", ParameterKind.STRING)
            .operations(REGISTER, UNREGISTER).defaultText("\"\" (every tag)")
            .meaning("Tag or tag pattern to pin instead of one entry per repository.").build();

    public static final Parameter<String> REGISTRY_TYPE = Parameter.<String>builder("registryType", ParameterKind.STRING)
            .operations(REGISTER, UNREGISTER).defaultText("inferred from the host")
            .meaning("Prisma registry type (version field): 2, aws, azure, gcr, gitlab, harbor, jfrog, sonatype, coreos, redhat, bluemix, dtr.").build();

    public static final Parameter<String> REGISTRY_CREDENTIAL_ID = Parameter.<String>builder("registryCredentialId", ParameterKind.STRING)
            .operations(REGISTER, UNREGISTER)
            .meaning("Id of the registry credential in the Console's credentials store.").build();

    public static final Parameter<String> OS = Parameter.<String>builder("os", ParameterKind.CHOICE)
            .operations(REGISTER, UNREGISTER).choices("linux", "linuxARM64", "windows").defaultValue(RegistrationRequest.DEFAULT_OS)
            .meaning("Operating system of the images.").build();

    public static final Parameter<Integer> CAP = Parameter.<Integer>builder("cap", ParameterKind.INTEGER)
            .operations(REGISTER, UNREGISTER).defaultValue(RegistrationRequest.DEFAULT_CAP).range(0, Integer.MAX_VALUE)
            .meaning("Newest images of the repository to scan; 0 = all.").build();

    public static final Parameter<Integer> SCANNERS = Parameter.<Integer>builder("scanners", ParameterKind.INTEGER)
            .operations(REGISTER, UNREGISTER).defaultValue(RegistrationRequest.DEFAULT_SCANNERS).range(1, Integer.MAX_VALUE)
            .meaning("Defenders scanning in parallel.").build();

    public static final Parameter<List<String>> COLLECTIONS = Parameter.<List<String>>builder("collections", ParameterKind.LIST)
            .operations(REGISTER, UNREGISTER).defaultValue(RegistrationRequest.DEFAULT_COLLECTIONS)
            .meaning("Collections selecting the scanning Defenders, comma separated.").build();

    public static final Parameter<Boolean> SCAN_LATER = Parameter.<Boolean>builder("scanLater", ParameterKind.BOOLEAN)
            .operations(REGISTER, UNREGISTER).defaultValue(false)
            .meaning("Save without starting a scan; by default a write starts one.").build();

    public static final Parameter<Boolean> UPDATE_EXISTING = Parameter.<Boolean>builder("updateExisting", ParameterKind.BOOLEAN)
            .operations(REGISTER).defaultValue(false)
            .meaning("Change an entry for exactly this repository and tag whose os, cap, scanners, collections or credential differ.").build();

    public static final Parameter<Boolean> DRY_RUN = Parameter.<Boolean>builder("dryRun", ParameterKind.BOOLEAN)
            .operations(REGISTER, UNREGISTER).defaultValue(false)
            .meaning("Read the list and report what would happen; write nothing.").build();

    // ---- scan and gate ----

    public static final Parameter<String> FAIL_ON_SEVERITY = Parameter.<String>builder("failOnSeverity", ParameterKind.CHOICE)
            .operations(SCAN).choices("critical", "high", "medium", "low", "none").defaultValue("critical")
            .meaning("Lowest severity that fails the gate; none only reports.").build();

    public static final Parameter<Boolean> IGNORE_UNFIXED = Parameter.<Boolean>builder("ignoreUnfixed", ParameterKind.BOOLEAN)
            .operations(SCAN).defaultValue(false)
            .meaning("Vulnerabilities without a fix do not fail the gate.").build();

    public static final Parameter<List<String>> IGNORED_VULNERABILITIES = Parameter.<List<String>>builder("ignoredVulnerabilities", ParameterKind.LIST)
            .operations(SCAN)
            .meaning("CVE IDs that never fail the gate, comma separated.").build();

    public static final Parameter<Boolean> FAIL_ON_CONSOLE_BLOCK = Parameter.<Boolean>builder("failOnConsoleBlock", ParameterKind.BOOLEAN)
            .operations(SCAN).defaultValue(true)
            .meaning("Fail when the Console's own policy blocks the image.").build();

    public static final Parameter<Duration> SCAN_TIMEOUT = Parameter.<Duration>builder("scanTimeout", ParameterKind.SECONDS)
            .operations(SCAN).defaultValue(Duration.ofSeconds(900)).range(1, 86_400)
            .meaning("Seconds to wait for the scan result.").build();

    public static final Parameter<Duration> POLL_INTERVAL = Parameter.<Duration>builder("pollInterval", ParameterKind.SECONDS)
            .operations(SCAN).defaultValue(Duration.ofSeconds(10)).range(1, 3_600)
            .meaning("Seconds between two looks at the scan's progress.").build();

    // ---- behaviour ----

    public static final Parameter<Boolean> FAIL_ON_ERROR = Parameter.<Boolean>builder("failOnError", ParameterKind.BOOLEAN)
            .defaultValue(true)
            .meaning("false: an error is reported as a warning and the build goes on.").build();

    public static final Parameter<Boolean> SKIP = Parameter.<Boolean>builder("skip", ParameterKind.BOOLEAN)
            .defaultValue(false).frontEnds(MAVEN)
            .meaning("Do nothing.").build();

    public static final Parameter<Path> OUTPUT_DIRECTORY = Parameter.<Path>builder("outputDirectory", ParameterKind.PATH)
            .frontEnds(MAVEN, CLI)
            .meaning("Where result.json, reports and backups go.").build();

    public static final Parameter<Path> JIB_IMAGE_JSON = Parameter.<Path>builder("jibImageJson", ParameterKind.PATH)
            .frontEnds(MAVEN)
            .meaning("Jib's output file, read when image is not set.").build();

    private static final List<Parameter<?>> ALL = collect();

    private Parameters() {
    }

    /** Every parameter, in the order above. */
    public static List<Parameter<?>> all() {
        return ALL;
    }

    /** The parameters an operation reads, whichever front end calls it. */
    public static List<Parameter<?>> forOperation(Operation operation) {
        return ALL.stream().filter(p -> p.usedBy(operation)).toList();
    }

    /** What one front end must expose for one operation: the hook of the per-front-end exposure tests. */
    public static List<Parameter<?>> forOperation(Operation operation, FrontEnd frontEnd) {
        return ALL.stream().filter(p -> p.usedBy(operation) && p.offeredBy(frontEnd)).toList();
    }

    /** The parameter with this camelCase name, or {@code null}. */
    public static Parameter<?> named(String name) {
        for (Parameter<?> p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static List<Parameter<?>> collect() {
        List<Parameter<?>> found = new ArrayList<>();
        for (Field field : Parameters.class.getDeclaredFields()) {
            if (field.getType() == Parameter.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    found.add((Parameter<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(found);
    }
}
