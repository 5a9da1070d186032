package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for a Prisma Cloud Compute Console, serving the endpoints this project uses over real HTTP
 * (or HTTPS with a generated CA) on 127.0.0.1.
 *
 * <p>Served under {@code <url>/api/<version>/}: {@code authenticate}, {@code version}, {@code settings/registry}
 * (GET, POST, PUT), {@code credentials}, and the scan side: {@code registry/scan}, {@code registry/progress} and
 * {@code registry} over a catalogue of images ({@link #addImage(CatalogueImage)}). Entries are stored as received, unknown fields included. Every API
 * request is recorded ({@link #requests()}); faults can be injected ({@link #inject(Fault)}). Other processes can
 * drive the same controls through the unauthenticated admin endpoints under {@code <url>/_simulator/}.
 *
 * <pre>{@code
 * try (ConsoleSimulator sim = ConsoleSimulator.builder().seed(100).start()) {
 *     sim.inject(Fault.on("GET", "settings/registry").nth(2).respond(503, "{\"err\":\"unavailable\"}"));
 *     ... point the client at sim.url() with user "admin", password "admin" ...
 *     assertThat(sim.entryCount()).isEqualTo(101);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Changes to a list are atomic; reads never block on writers.
 */
public final class ConsoleSimulator implements AutoCloseable {

    /** Console version reported when none is configured. */
    public static final String DEFAULT_CONSOLE_VERSION = "34.04.145";
    /** Project used when a request carries no {@code project} query parameter. */
    public static final String DEFAULT_PROJECT = RegistryStore.DEFAULT_PROJECT;
    /** The console's limit on registry specifications. */
    public static final int DEFAULT_MAX_ENTRIES = 19_999;
    /** {@link RecordedRequest#user()} of writes injected with {@link Fault#foreignWriteBefore}/After. */
    public static final String FOREIGN_WRITER = "foreign-writer";
    /** {@link RecordedRequest#user()} of requests that used the static API token. */
    public static final String API_TOKEN_USER = "api-token";
    /** The permission settings/registry needs. */
    public static final String PERMISSION_POLICY_CONTAINERS = "policyContainers";
    /** The permission credentials needs. */
    public static final String PERMISSION_MANAGE_CREDS = "manageCreds";
    /** The permission registry/scan, registry/progress and registry need. */
    public static final String PERMISSION_MONITOR_IMAGES = "monitorImages";
    static final Set<String> PERMISSIONS =
            Set.of(PERMISSION_POLICY_CONTAINERS, PERMISSION_MANAGE_CREDS, PERMISSION_MONITOR_IMAGES);

    private static final Pattern CONSOLE_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Shared and thread-safe; keeps decimals exactly as written so entries round-trip byte for byte. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    final String pathPrefix;
    final String consoleVersion;
    final int consoleMajor;
    final int consoleMinor;
    final Map<String, Account> accounts;
    final String apiToken;
    final Duration tokenLifetime;
    final int maxEntries;
    final int seedCount;
    final Clock clock;
    final RegistryStore store;
    final RequestLog log;
    final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
    final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    final AtomicBoolean refusePost = new AtomicBoolean();
    final AtomicLong loginCount = new AtomicLong();
    final AtomicLong writeCount = new AtomicLong();
    final AtomicLong scansStarted = new AtomicLong();
    final ScanCatalogue scans;
    volatile List<ObjectNode> credentials;
    /** Projects the Console knows, the Central Console first; a request naming any other gets a 400. */
    final Set<String> projects = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final TlsMaterial tls;
    private final SimulatorHttpServer server;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConsoleSimulator(Builder builder) throws IOException {
        this.pathPrefix = builder.pathPrefix;
        this.consoleVersion = builder.consoleVersion;
        Matcher version = CONSOLE_VERSION.matcher(consoleVersion);
        if (!version.matches()) {
            throw new IllegalArgumentException("console version must look like 34.04.145, was " + consoleVersion);
        }
        this.consoleMajor = Integer.parseInt(version.group(1));
        this.consoleMinor = Integer.parseInt(version.group(2));
        Map<String, Account> configuredAccounts = new LinkedHashMap<>(builder.accounts);
        if (configuredAccounts.values().stream().noneMatch(account -> account.permitted)) {
            configuredAccounts.putIfAbsent("admin", new Account("admin", "admin", true));
        }
        this.accounts = Collections.unmodifiableMap(configuredAccounts);
        this.apiToken = builder.apiToken;
        this.tokenLifetime = builder.tokenLifetime;
        this.maxEntries = builder.maxEntries;
        this.seedCount = builder.seed;
        this.clock = builder.clock;
        this.log = new RequestLog(builder.maxLoggedRequests, builder.maxLoggedBodyBytes);
        this.store = new RegistryStore("3f9c1d27a4b8e6055a1c", "harbor/6d2e8b41f07c93a5b1e4");
        this.credentials = List.copyOf(SeedData.credentials());
        this.projects.add(DEFAULT_PROJECT);
        this.projects.addAll(builder.projects);
        this.scans = new ScanCatalogue(builder.uncovered, builder.scanDuration, builder.rateLimitRequests,
                builder.rateLimitWindow);
        if (seedCount > 0) {
            store.replaceStored(DEFAULT_PROJECT, SeedData.stored(seedCount));
        }
        this.tls = builder.tls ? TlsMaterial.generate() : null;
        ConsoleApi api = new ConsoleApi(this);
        try {
            // Explicitly IPv4: url() promises 127.0.0.1 even where the JVM prefers IPv6 loopback.
            InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            this.server = new SimulatorHttpServer(loopback, builder.port,
                    tls == null ? null : tls.sslContext, api, "console-simulator");
        } catch (IOException e) {
            if (tls != null) {
                tls.deleteFile();
            }
            throw new IOException("console simulator could not listen on 127.0.0.1:" + builder.port + ": "
                    + e.getMessage(), e);
        }
        this.url = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.port() + pathPrefix;
    }

    /** A builder with the defaults: ephemeral port, plain HTTP, console 34.04.145, user admin/admin, no entries. */
    public static Builder builder() {
        return new Builder();
    }

    /** Base address including the path prefix, e.g. {@code http://127.0.0.1:41234/us-3-12345}; no trailing slash. */
    public String url() {
        return url;
    }

    /** The TCP port listened on. */
    public int port() {
        return server.port();
    }

    /** True when serving HTTPS. */
    public boolean isTls() {
        return tls != null;
    }

    /** The console version reported by {@code /version}, e.g. {@code "34.04.145"}. */
    public String consoleVersion() {
        return consoleVersion;
    }

    /** The newest versioned API path segment this console serves, e.g. {@code "v34.04"}. */
    public String apiVersion() {
        return String.format("v%02d.%02d", consoleMajor, consoleMinor);
    }

    /** The path prefix, e.g. {@code "/us-3-12345"}, or "" when none. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /**
     * The generated CA certificate (PEM file) that signed the server certificate.
     *
     * @throws IllegalStateException when the simulator runs without TLS
     */
    public Path caCertificateFile() {
        return requireTls().caCertificateFile;
    }

    /**
     * The generated CA certificate as PEM text.
     *
     * @throws IllegalStateException when the simulator runs without TLS
     */
    public String caCertificatePem() {
        return requireTls().caCertificatePem;
    }

    private TlsMaterial requireTls() {
        if (tls == null) {
            throw new IllegalStateException("this simulator serves plain HTTP; build it with tls(true) for a CA");
        }
        return tls;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** Deep copies of the default project's entries, in order. */
    public List<ObjectNode> specifications() {
        return specifications(DEFAULT_PROJECT);
    }

    /** Deep copies of one project's entries, in order (empty for a project never written). */
    public List<ObjectNode> specifications(String project) {
        List<ObjectNode> entries = store.get(project).entries;
        List<ObjectNode> copies = new ArrayList<>(entries.size());
        for (ObjectNode entry : entries) {
            copies.add(entry.deepCopy());
        }
        return copies;
    }

    /** Replaces the default project's list with copies of these objects. Not recorded, not counted as a write. */
    public void setSpecifications(List<? extends JsonNode> specifications) {
        setSpecifications(DEFAULT_PROJECT, specifications);
    }

    /** Replaces one project's list with copies of these objects. Not recorded, not counted as a write. */
    public void setSpecifications(String project, List<? extends JsonNode> specifications) {
        Objects.requireNonNull(project, "project");
        List<ObjectNode> copies = new ArrayList<>(specifications.size());
        for (JsonNode specification : specifications) {
            if (specification == null || !specification.isObject()) {
                throw new IllegalArgumentException("every specification must be a JSON object, got " + specification);
            }
            copies.add(normalised((ObjectNode) specification));
        }
        store.lock.lock();
        try {
            store.replace(project, copies);
        } finally {
            store.lock.unlock();
        }
    }

    /** Replaces the default project's list with n deterministic, realistic entries. */
    public void seed(int n) {
        List<StoredEntry> entries = SeedData.stored(n);
        store.lock.lock();
        try {
            store.replaceStored(DEFAULT_PROJECT, entries);
        } finally {
            store.lock.unlock();
        }
    }

    /** The first n entries {@link #seed(int)} would create, as new objects (for building expectations). */
    public static List<ObjectNode> seedEntries(int n) {
        List<StoredEntry> stored = SeedData.stored(n);
        List<ObjectNode> copies = new ArrayList<>(n);
        for (StoredEntry entry : stored) {
            copies.add(entry.node.deepCopy());
        }
        return copies;
    }

    /** Number of entries in the default project. */
    public int entryCount() {
        return entryCount(DEFAULT_PROJECT);
    }

    /** Number of entries in one project. */
    public int entryCount(String project) {
        return store.get(project).stored.size();
    }

    /** Makes {@code project} known (with an empty list), as creating it under Manage > Projects would. */
    public void addProject(String project) {
        projects.add(java.util.Objects.requireNonNull(project, "project"));
    }

    /** The projects served by {@code GET current/projects}, the Central Console included. */
    public Set<String> projects() {
        return Set.copyOf(projects);
    }

    /** Credential objects served by {@code GET credentials} (deep copies). */
    public List<ObjectNode> credentials() {
        List<ObjectNode> copies = new ArrayList<>();
        for (ObjectNode credential : credentials) {
            copies.add(credential.deepCopy());
        }
        return copies;
    }

    /** Replaces the credential store served by {@code GET credentials}. */
    public void setCredentials(List<? extends JsonNode> newCredentials) {
        List<ObjectNode> copies = new ArrayList<>();
        for (JsonNode credential : newCredentials) {
            if (credential == null || !credential.isObject()) {
                throw new IllegalArgumentException("every credential must be a JSON object, got " + credential);
            }
            copies.add(normalised((ObjectNode) credential));
        }
        credentials = List.copyOf(copies);
    }

    /**
     * Back to a fresh state: the default project holds n seeded entries, other projects are emptied, and the request
     * log, faults, counters and {@link #refusePost(boolean)} are cleared, as are the image catalogue, scans, scan
     * results and the record of started scans (scan options go back to the builder's). Issued tokens stay valid.
     */
    public void reset(int seed) {
        List<StoredEntry> entries = SeedData.stored(seed);
        store.lock.lock();
        try {
            store.clearAll();
            store.replaceStored(DEFAULT_PROJECT, entries);
        } finally {
            store.lock.unlock();
        }
        faults.clear();
        refusePost.set(false);
        log.clear();
        writeCount.set(0);
        loginCount.set(0);
        scansStarted.set(0);
        scans.clear();
    }

    /** {@link #reset(int)} with the seed count the simulator was built with. */
    public void reset() {
        reset(seedCount);
    }

    // ---- request log -------------------------------------------------------------------------------------------

    /** Every API request since start or {@link #clearRequests()}, in arrival order (answered ones only). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** Answered API requests matching this method and endpoint, in arrival order. */
    public List<RecordedRequest> requests(String method, String endpoint) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : log.snapshot()) {
            if (request.method().equalsIgnoreCase(method) && endpoint.equals(request.endpoint())) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** Empties the request log. Counters are kept. */
    public void clearRequests() {
        log.clear();
    }

    /**
     * Accepted POST and PUT requests to settings/registry by clients (2xx answers; rejected requests and foreign
     * writes are not counted). An accepted PUT counts even when it sent the list unchanged: the console saves and
     * scans regardless.
     */
    public long writeCount() {
        return writeCount.get();
    }

    /** Successful {@code /authenticate} calls. */
    public int loginCount() {
        return (int) loginCount.get();
    }

    /** Accepted writes that would have started a registry scan ({@code scanLater} absent or false). */
    public long scansStarted() {
        return scansStarted.get();
    }

    // ---- scans -------------------------------------------------------------------------------------------------

    /**
     * Puts an image into the simulated registries (replacing one with the same registry, repository and tag). On-demand
     * scans of it find its vulnerabilities after its scan duration. A scan of an image that is not in the catalogue
     * ends with a pull error.
     */
    public void addImage(CatalogueImage image) {
        scans.put(Objects.requireNonNull(image, "image"));
    }

    /** The images in the catalogue, in the order first added. */
    public List<CatalogueImage> images() {
        return scans.images();
    }

    /**
     * Stores a finished scan result of the image as it is now, with this scan time, as if an earlier scan had found
     * it (replacing any result of the same image). For results older than the scan a test triggers.
     */
    public void storeScanResult(CatalogueImage image, Instant scanTime) {
        scans.storeResult(Objects.requireNonNull(image, "image"), Objects.requireNonNull(scanTime, "scanTime"));
    }

    /**
     * Every scan a request started since start, {@link #reset()} or {@link #clearScanStarts()}, in order: settings
     * writes without {@code scanLater=true} (every registry in the list), and each accepted {@code registry/scan}.
     */
    public List<ScanStart> scanStarts() {
        return scans.starts();
    }

    /** Empties the record of started scans; running scans and stored results stay. */
    public void clearScanStarts() {
        scans.clearStarts();
    }

    /** Whether {@code registry/scan} of an image no specification covers answers 400 (true) or 200 and does nothing. */
    public void rejectUncoveredImages(boolean reject) {
        scans.uncovered(reject ? ScanCatalogue.Uncovered.REJECT : ScanCatalogue.Uncovered.ACCEPT_AND_IGNORE);
    }

    /** Scan duration of images that do not set their own. */
    public void defaultScanDuration(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("scan duration must not be negative, was " + duration);
        }
        scans.defaultScanDuration(duration);
    }

    /**
     * Limits {@code GET registry} to {@code requests} per {@code window} (the console's is 30 per 30 s); further
     * requests get 429 with {@code Retry-After}. {@code requests = 0} lifts the limit.
     */
    public void rateLimitScanResults(int requests, Duration window) {
        if (requests < 0 || window == null || window.isNegative() || window.isZero() && requests > 0) {
            throw new IllegalArgumentException("the rate limit needs requests >= 0 and a positive window");
        }
        scans.rateLimit(requests, window);
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** Arms a fault; matching requests are counted from now. */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        faults.add(new ActiveFault(fault));
    }

    /** Removes every armed fault (refusePost and token state are separate). */
    public void clearFaults() {
        faults.clear();
    }

    /** Number of armed faults that still have requests to fire on. */
    public int pendingFaults() {
        return faults.size();
    }

    /** While true, POST settings/registry answers 405, as consoles without the POST route do. */
    public void refusePost(boolean refuse) {
        refusePost.set(refuse);
    }

    /** Invalidates every token issued by {@code /authenticate}: clients get 401 and must log in again. */
    public void expireTokens() {
        tokens.clear();
    }

    /** Stops the server, closes open connections and deletes the CA file. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            if (tls != null) {
                tls.deleteFile();
            }
        }
    }

    @Override
    public String toString() {
        return "ConsoleSimulator[" + url + ", console " + consoleVersion + ", " + entryCount() + " entries]";
    }

    // ---- internals shared with ConsoleApi/AdminApi ---------------------------------------------------------------

    static ObjectNode normalised(ObjectNode node) {
        // A round trip through our own parser gives exactly the node types that HTTP clients' entries will have.
        try {
            return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** A user account of the simulated console. */
    static final class Account {
        final String name;
        final String password;
        final Set<String> permissions;
        /** Holds every permission the simulator knows. */
        final boolean permitted;

        Account(String name, String password, boolean permitted) {
            this(name, password, permitted ? PERMISSIONS : Set.of());
        }

        Account(String name, String password, Set<String> permissions) {
            this.name = name;
            this.password = password;
            this.permissions = Set.copyOf(permissions);
            this.permitted = this.permissions.containsAll(PERMISSIONS);
        }

        boolean may(String permission) {
            return permission == null || permissions.contains(permission);
        }
    }

    /** A token issued by /authenticate. */
    static final class IssuedToken {
        final Account account;
        final Instant expiresAt;

        IssuedToken(Account account, Instant expiresAt) {
            this.account = account;
            this.expiresAt = expiresAt;
        }
    }

    /** An injected fault and how many matching requests it has seen. */
    static final class ActiveFault {
        final Fault fault;
        private final AtomicLong seen = new AtomicLong();

        ActiveFault(Fault fault) {
            this.fault = fault;
        }

        /** Counts one matching request; true when the fault fires on it. */
        boolean countAndCheck() {
            long n = seen.incrementAndGet();
            return n >= fault.nth && n - fault.nth < fault.times;
        }

        boolean exhausted() {
            return fault.times != Integer.MAX_VALUE && seen.get() - fault.nth >= fault.times - 1L;
        }
    }

    /**
     * Configures and starts a {@link ConsoleSimulator}. Reusable: each {@link #start()} starts a new, independent
     * simulator with the current settings.
     */
    public static final class Builder {
        private int port;
        private boolean tls;
        private String pathPrefix = "";
        private String consoleVersion = DEFAULT_CONSOLE_VERSION;
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private String apiToken;
        private Duration tokenLifetime = Duration.ofMinutes(30);
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private int seed;
        private Clock clock = Clock.systemUTC();
        private int maxLoggedRequests = 200_000;
        private long maxLoggedBodyBytes = 128L * 1024 * 1024;
        private ScanCatalogue.Uncovered uncovered = ScanCatalogue.Uncovered.ACCEPT_AND_IGNORE;
        private Duration scanDuration = ScanCatalogue.DEFAULT_SCAN_DURATION;
        private int rateLimitRequests;
        private Duration rateLimitWindow = Duration.ofSeconds(30);
        private final Set<String> projects = new java.util.LinkedHashSet<>();

        private Builder() {
        }

        /** Projects besides the Central Console; requests naming any other project get a 400. */
        public Builder projects(String... names) {
            projects.addAll(List.of(names));
            return this;
        }

        /** TCP port; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** HTTPS with a freshly generated CA and a server certificate for localhost / 127.0.0.1. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** SaaS-style path prefix such as {@code "/us-3-12345"}; "" (default) for none. */
        public Builder pathPrefix(String pathPrefix) {
            String prefix = Objects.requireNonNull(pathPrefix, "pathPrefix").trim();
            while (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            if (!prefix.isEmpty() && !prefix.startsWith("/")) {
                prefix = "/" + prefix;
            }
            if (prefix.contains("?") || prefix.contains("#") || prefix.contains(" ")) {
                throw new IllegalArgumentException("path prefix must be a plain path, was " + pathPrefix);
            }
            this.pathPrefix = prefix;
            return this;
        }

        /** Version reported by {@code /version} and deciding which {@code /api/vMM.mm} paths exist. */
        public Builder consoleVersion(String consoleVersion) {
            if (consoleVersion == null || !CONSOLE_VERSION.matcher(consoleVersion).matches()) {
                throw new IllegalArgumentException("console version must look like 34.04.145, was " + consoleVersion);
            }
            this.consoleVersion = consoleVersion;
            return this;
        }

        /**
         * Adds a user with full permissions. May be called several times. Without any such user, the console has
         * the single user admin/admin.
         */
        public Builder user(String name, String password) {
            accounts.put(requireText(name, "user name"), new Account(name, requireText(password, "password"), true));
            return this;
        }

        /** Adds a user who can log in but gets 403 on settings/registry, credentials and the scan endpoints. */
        public Builder userWithoutPermission(String name, String password) {
            accounts.put(requireText(name, "user name"), new Account(name, requireText(password, "password"), false));
            return this;
        }

        /**
         * Adds a user whose role grants only these permissions, out of {@value #PERMISSION_POLICY_CONTAINERS}
         * (settings/registry), {@value #PERMISSION_MANAGE_CREDS} (credentials) and {@value #PERMISSION_MONITOR_IMAGES}
         * (the registry scan endpoints). Other requests get 403.
         */
        public Builder userWithPermissions(String name, String password, String... permissions) {
            for (String permission : permissions) {
                if (!PERMISSIONS.contains(permission)) {
                    throw new IllegalArgumentException("unknown permission '" + permission + "'; known: " + PERMISSIONS);
                }
            }
            accounts.put(requireText(name, "user name"),
                    new Account(name, requireText(password, "password"), Set.of(permissions)));
            return this;
        }

        /** A pre-issued token accepted as {@code Authorization: Bearer}; it never expires. */
        public Builder apiToken(String token) {
            this.apiToken = requireText(token, "API token");
            return this;
        }

        /** Lifetime of tokens issued by {@code /authenticate} (default 30 minutes, as on the console). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Largest list the console accepts (default 19,999). */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** Starts with n deterministic, realistic entries in the default project (default 0). */
        public Builder seed(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("seed must not be negative, was " + n);
            }
            this.seed = n;
            return this;
        }

        /** Clock for token expiry (default system UTC); lets tests expire tokens without waiting. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Bounds the request log: at most maxRequests entries (oldest dropped) and maxBodyBytes of stored bodies
         * (oldest bodies dropped first). Defaults: 200,000 requests, 128 MiB.
         */
        public Builder requestLogLimit(int maxRequests, long maxBodyBytes) {
            if (maxRequests < 1 || maxBodyBytes < 0) {
                throw new IllegalArgumentException("request log limits must be positive");
            }
            this.maxLoggedRequests = maxRequests;
            this.maxLoggedBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * {@code registry/scan} of an image no specification covers: 400 (true), or 200 and the scan never starts
         * (false, the default; the console documents no error for it).
         */
        public Builder rejectUncoveredImages(boolean reject) {
            this.uncovered = reject ? ScanCatalogue.Uncovered.REJECT : ScanCatalogue.Uncovered.ACCEPT_AND_IGNORE;
            return this;
        }

        /** Scan duration of catalogue images that do not set their own (default 100 ms). */
        public Builder defaultScanDuration(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("scan duration must not be negative, was " + duration);
            }
            this.scanDuration = duration;
            return this;
        }

        /** The console's limit on {@code GET registry}: 30 requests per 30 s, then 429 (default: no limit). */
        public Builder consoleRateLimit() {
            return rateLimitScanResults(30, Duration.ofSeconds(30));
        }

        /** At most {@code requests} {@code GET registry} per {@code window}, then 429 with Retry-After. */
        public Builder rateLimitScanResults(int requests, Duration window) {
            if (requests < 0 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the rate limit needs requests >= 0 and a positive window");
            }
            this.rateLimitRequests = requests;
            this.rateLimitWindow = window;
            return this;
        }

        /** Starts a simulator with these settings. */
        public ConsoleSimulator start() throws IOException {
            return new ConsoleSimulator(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }
    }
}
