package io.github.prismaregistry.console;

import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.ConsoleRejectedException;
import io.github.prismaregistry.api.ConsoleResponseException;
import io.github.prismaregistry.api.ConsoleTimeoutException;
import io.github.prismaregistry.api.ConsoleUnreachableException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.parameters.Seconds;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistryLog;
import io.github.prismaregistry.api.UnsupportedApiVersionException;
import io.github.prismaregistry.api.UntrustedCertificateException;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.settings.MalformedSettingsException;
import io.github.prismaregistry.settings.RegistrySettings;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to one Console: API version, login and token renewal, TLS, proxy, retries, and errors turned into typed
 * exceptions whose messages say what to do. Thread-safe. Nothing it logs or throws holds a secret.
 */
public final class ConsoleClient implements AutoCloseable {

    /** How a write ended when the Console answered. */
    public enum WriteStatus {
        DONE,
        /** The Console does not offer this method here (404/405): an older Console without POST. */
        METHOD_REFUSED
    }

    private enum Kind {
        /** GET: repeat on I/O errors, 429, 502-504. */
        READ,
        /** The GET of the whole list: a READ whose body is indexed while it arrives. */
        LIST_READ,
        /** Login: changes nothing, so repeated like a read; no Authorization header. */
        LOGIN,
        /** POST/PUT: repeat only when the Console surely did not act (429, no connection); otherwise report unknown. */
        WRITE,
        /** A READ whose 429 goes back to the caller, which paces its polling by Retry-After itself. */
        POLL
    }

    /**
     * @param indexed the list body indexed while it arrived, or null (not a list read, or it could not be)
     * @param headers all response headers, or null where they were not kept
     */
    record Reply(int status, byte[] body, String retryAfter, String location, RegistrySettings indexed,
                 okhttp3.Headers headers) {
        Reply(int status, byte[] body, String retryAfter, String location) {
            this(status, body, retryAfter, location, null, null);
        }

        Reply(int status, byte[] body, String retryAfter, String location, RegistrySettings indexed) {
            this(status, body, retryAfter, location, indexed, null);
        }

        String header(String name) {
            return headers == null ? null : headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The status line and headers arrived, but the body was cut off. */
    private static final class BodyCutOff extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BodyCutOff(int status, IOException cause) {
            super("the answer (HTTP " + status + ") was cut off: " + cause.getMessage(), cause);
            this.status = status;
        }
    }

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern API_VERSION = Pattern.compile("[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)?");
    private static final Pattern CONSOLE_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");
    private static final int MAX_CONSOLE_MESSAGE = 300;
    private static final String SETTINGS = "settings/registry";

    private final ConsoleConnection connection;
    private final ParameterNaming naming;
    private final ConsoleUrl url;
    private final ConsoleCredentials credentials;
    private final RegistryLog log;
    private final Timing timing;
    private final String pinnedApiVersion;
    private final int retries;
    private final OkHttpClient http;
    private final ExecutorService executor;
    private final Redactor redactor = new Redactor();
    private final AtomicInteger writes = new AtomicInteger();
    /** Writes sent by the current thread; operations run in their caller's thread, so this counts one operation's. */
    private final ThreadLocal<int[]> threadWrites = ThreadLocal.withInitial(() -> new int[1]);

    private final String plainHttpProxyAuth;

    private final Object stateLock = new Object();
    private boolean connected;
    private boolean versionDiscovered;
    private volatile String apiVersion;
    private volatile String consoleVersion;
    private String token;
    private long tokenIssuedNanos;

    private ConsoleClient(ConsoleConnection connection, ConsoleUrl url, String pinnedApiVersion, TlsSetup tls,
                          RegistryLog log, Timing timing) {
        this.connection = connection;
        this.naming = connection.naming();
        this.url = url;
        this.credentials = connection.credentials();
        this.log = new RedactingLog(log, redactor);
        this.timing = timing;
        this.pinnedApiVersion = pinnedApiVersion;
        this.retries = connection.retries();
        this.apiVersion = pinnedApiVersion == null ? "v1" : pinnedApiVersion;
        redactor.add(credentials.secret());
        if (connection.proxy() != null) {
            redactor.add(connection.proxy().password());
        }
        this.plainHttpProxyAuth = connection.proxy() != null && connection.proxy().username() != null && !url.isHttps()
                ? okhttp3.Credentials.basic(connection.proxy().username(),
                connection.proxy().password() == null ? "" : connection.proxy().password())
                : null;

        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "prisma-registry-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true); // never keep a build JVM alive
            return t;
        });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(32);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .connectTimeout(connection.connectTimeout())
                .readTimeout(connection.readTimeout())
                .writeTimeout(connection.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .socketFactory(new NoDelaySockets());
        if (tls != null) {
            b.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager());
            if (tls.hostnameVerifier() != null) {
                b.hostnameVerifier(tls.hostnameVerifier());
            }
        }
        if (connection.proxy() != null) {
            b.proxySelector(ProxySetup.selector(connection.proxy()));
            b.proxyAuthenticator(ProxySetup.authenticator(connection.proxy()));
        }
        this.http = b.build();
    }

    /** The HTTP client every request goes through (for tests of how it is set up). */
    OkHttpClient httpClient() {
        return http;
    }

    /** Validates the connection settings and prepares a client; no request is sent yet. */
    public static ConsoleClient create(ConsoleConnection c, RegistryLog log, Timing timing) throws InvalidRequestException {
        validate(c);
        ConsoleUrl url = ConsoleUrl.parse(c.consoleUrl(), c.naming());
        String pinned = normaliseApiVersion(c.apiVersion(), c.naming());
        TlsSetup tls = url.isHttps() ? TlsSetup.of(c) : null;
        return new ConsoleClient(c, url, pinned, tls, log, timing);
    }

    /** Checks the connection settings without touching the network. */
    public static void validate(ConsoleConnection c) throws InvalidRequestException {
        if (c == null) {
            throw new InvalidRequestException("consoleUrl", "no console connection was given");
        }
        ParameterNaming naming = c.naming();
        ConsoleUrl.parse(c.consoleUrl(), naming);
        if (c.credentials() == null) {
            throw new InvalidRequestException("credentials", "credentials for the console are required: a user name and "
                    + "password (Prisma Cloud SaaS: access key ID and secret key) or an API token");
        }
        requireNotNegative(Parameters.CONNECT_TIMEOUT, c.connectTimeout(), naming);
        requireNotNegative(Parameters.READ_TIMEOUT, c.readTimeout(), naming);
        if (c.retries() < 0) {
            throw Parameters.RETRIES.invalid(naming, "must be 0 or more, was " + c.retries());
        }
        normaliseApiVersion(c.apiVersion(), naming);
        if (!c.insecureSkipTlsVerify() && (c.caCertificateFile() != null || c.caCertificatePem() != null)) {
            TlsSetup.of(c); // reads and parses the CA now, so a bad file is a configuration error
        }
    }

    private static void requireNotNegative(Parameter<Duration> parameter, Duration d, ParameterNaming naming)
            throws InvalidRequestException {
        if (d == null || d.isNegative()) {
            throw parameter.invalid(naming, "must be 0 (no limit) or more seconds, was " + Seconds.describe(d));
        }
    }

    /** {@code v34.03}, {@code 34.03}, {@code 34.03.138} → {@code v34.03}; {@code v1} stays; {@code null} = discover. */
    public static String normaliseApiVersion(String v) throws InvalidRequestException {
        return normaliseApiVersion(v, ParameterNaming.PLAIN);
    }

    static String normaliseApiVersion(String v, ParameterNaming naming) throws InvalidRequestException {
        if (v == null || v.isBlank()) {
            return null;
        }
        Matcher m = API_VERSION.matcher(v.trim());
        if (!m.matches()) {
            throw new InvalidRequestException("apiVersion", naming.spell(Parameters.API_VERSION) + " '" + v + "' is not an API version; use the console's "
                    + "major.minor such as v34.03 (or 34.03), v1, or leave it empty to use the console's own version");
        }
        return m.group(2) == null ? "v" + Integer.parseInt(m.group(1)) : "v" + m.group(1) + "." + m.group(2);
    }

    /** The front end's log, with every known secret removed from each line. */
    public RegistryLog log() {
        return log;
    }

    public ConsoleUrl url() {
        return url;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The Console's version as it reports it (e.g. {@code 34.04.145}), or {@code null} before {@link #connect()}. */
    public String consoleVersion() {
        return consoleVersion;
    }

    /** Write requests sent so far, repeats included. */
    public int writes() {
        return writes.get();
    }

    /** Write requests sent so far by the calling thread. */
    public int writesByThisThread() {
        return threadWrites.get()[0];
    }

    public String redact(String text) {
        return redactor.redact(text);
    }

    /** Logs in if needed and settles the API version: the pinned one (checked), or the Console's own major.minor. */
    public void connect() throws PrismaRegistryException, InterruptedException {
        synchronized (stateLock) {
            if (connected) {
                return;
            }
            Reply r = send("GET", "version", true, null, null, Kind.READ);
            if (r.status() == 404) {
                // Not every console build serves /version; settings/registry itself tells whether the path is right.
                consoleVersion = "unknown";
                log.warn("The console at " + url + " does not report its version (HTTP 404 for /api/" + apiVersion
                        + "/version); using API " + apiVersion + ".");
            } else {
                requireOk(r, "GET", "version");
                consoleVersion = parseConsoleVersion(r);
                Matcher m = CONSOLE_VERSION.matcher(consoleVersion == null ? "" : consoleVersion);
                if (pinnedApiVersion == null && m.matches()) {
                    apiVersion = "v" + m.group(1) + "." + m.group(2);
                    versionDiscovered = true;
                } else if (pinnedApiVersion == null) {
                    log.warn("The console reported version '" + consoleVersion + "', which is not major.minor.build; using API v1.");
                }
            }
            connected = true;
            log.debug("Console " + url + ": version " + consoleVersion + ", API " + apiVersion);
        }
    }

    /** GET settings/registry, parsed; a cut-off or malformed body is read again before it is reported. */
    public RegistrySettings readSettings() throws PrismaRegistryException, InterruptedException {
        return readSettings((RegistrySettings) null);
    }

    /**
     * {@link #readSettings()} for a read that follows {@code previous} closely (verifying a write): entries that come
     * back byte for byte as before are not parsed again.
     */
    public RegistrySettings readSettings(RegistrySettings previous) throws PrismaRegistryException, InterruptedException {
        return readSettings(previous, null);
    }

    /**
     * {@link #readSettings()} that also shows each list body to {@code observer} while it arrives (to save it as it
     * comes). A body that is read again after a failure is shown again; the result's bytes are those of the last one.
     */
    public RegistrySettings readSettings(IncomingBody.Observer observer) throws PrismaRegistryException, InterruptedException {
        return readSettings(null, observer);
    }

    private RegistrySettings readSettings(RegistrySettings previous, IncomingBody.Observer observer)
            throws PrismaRegistryException, InterruptedException {
        connect();
        for (int attempt = 0; ; attempt++) {
            Reply r = sendSettings("GET", null, null, previous == null ? Kind.LIST_READ : Kind.READ, observer);
            requireOk(r, "GET", SETTINGS);
            if (r.indexed() != null) {
                return r.indexed();
            }
            try {
                // The reply's array is not used for anything else: no need to copy several MB.
                return RegistrySettings.parseOwned(r.body(), previous);
            } catch (MalformedSettingsException e) {
                if (attempt >= retries) {
                    String html = r.text().stripLeading().startsWith("<")
                            ? " It looks like an HTML page: is " + naming.spell(Parameters.CONSOLE_URL) + " the Compute console's address (not the Prisma Cloud web UI), and does no login proxy sit in between?"
                            : "";
                    throw new ConsoleResponseException(0, "The console at " + url + " sent registry settings that cannot be read: "
                            + redact(e.getMessage()) + " (" + (attempt + 1) + " attempt" + (attempt == 0 ? "" : "s") + "). "
                            + "Nothing was changed." + html + " If a proxy or load balancer sits in front of the console, "
                            + "check that it passes large responses through; otherwise try again later.", e);
                }
                log.debug("Registry settings could not be parsed (" + e.getMessage() + "); reading again");
                sleep(timing.backoffMillis(attempt));
            }
        }
    }

    /**
     * GET of an endpoint read only to check a request before writing (current/projects, credentials): the parsed body,
     * or {@code null} when the Console does not serve it or the user may not read it (403, 404, 405), so the check is
     * skipped. The body is never logged: the credentials list carries secrets.
     */
    public JsonNode readForCheck(String endpoint, boolean withProject) throws PrismaRegistryException, InterruptedException {
        connect();
        Reply r = send("GET", endpoint, withProject, null, null, Kind.READ);
        if (r.status() == 403 || r.status() == 404 || r.status() == 405) {
            log.debug("GET " + endpoint + " answered HTTP " + r.status() + "; that check is skipped");
            return null;
        }
        requireOk(r, "GET", endpoint);
        try {
            return Json.parse(r.body());
        } catch (IOException e) {
            log.debug("GET " + endpoint + " sent no JSON; that check is skipped");
            return null;
        }
    }

    /**
     * Asks the Console to scan the registry of one specification ({@code POST registry/scan} with {@code settings}),
     * instead of the scan of every registry that a full-list write with {@code scanLater=false} may start.
     *
     * @return {@code null} when the scan was started, else why not (for a warning: the entry is saved either way)
     */
    public String startSpecificationScan(ObjectNode specification) throws PrismaRegistryException, InterruptedException {
        connect();
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("settings", specification);
        Reply r = send("POST", "registry/scan", true, null, Json.bytes(request), Kind.READ);
        if (r.status() >= 200 && r.status() < 300) {
            return null;
        }
        return r.status() == 403
                ? "the user may not start scans (HTTP 403; it needs the monitorImages permission)"
                : "the console answered HTTP " + r.status() + (consoleMessage(r).isEmpty() ? "" : ": " + consoleMessage(r));
    }

    /** POST one entry. 404/405 → {@link WriteStatus#METHOD_REFUSED}; no answer → {@link WriteOutcomeUnknownException}. */
    public WriteStatus post(ObjectNode entry, boolean scanLater)
            throws PrismaRegistryException, InterruptedException, WriteOutcomeUnknownException {
        connect();
        Reply r = sendSettingsWrite("POST", Json.bytes(entry), scanLater);
        if (r.status() == 404 || r.status() == 405) {
            return WriteStatus.METHOD_REFUSED;
        }
        requireOk(r, "POST", SETTINGS);
        return WriteStatus.DONE;
    }

    /** PUT the whole list; the caller built {@code body} from a GET taken just before. */
    public void put(byte[] body, boolean scanLater)
            throws PrismaRegistryException, InterruptedException, WriteOutcomeUnknownException {
        connect();
        Reply r = sendSettingsWrite("PUT", body, scanLater);
        if (r.status() == 404 || r.status() == 405) {
            throw new ConsoleRejectedException(r.status(), consoleMessage(r), "The console at " + url + " does not accept PUT "
                    + SETTINGS + " on API " + apiVersion + " (HTTP " + r.status() + "); it cannot be changed by this client. "
                    + "Check the console version and the " + naming.spell(Parameters.API_VERSION) + " setting.");
        }
        requireOk(r, "PUT", SETTINGS);
    }

    private Reply sendSettingsWrite(String method, byte[] body, boolean scanLater)
            throws PrismaRegistryException, InterruptedException, WriteOutcomeUnknownException {
        try {
            return sendSettings(method, body, scanLater, Kind.WRITE);
        } catch (OutcomeUnknown e) {
            throw new WriteOutcomeUnknownException(redact(method + " " + SETTINGS + " to " + url + ": " + e.getMessage()), e.getCause());
        }
    }

    /** Sends to settings/registry, falling back from a discovered versioned path to v1 when the Console lacks it. */
    private Reply sendSettings(String method, byte[] body, Boolean scanLater, Kind kind)
            throws PrismaRegistryException, InterruptedException {
        return sendSettings(method, body, scanLater, kind, null);
    }

    private Reply sendSettings(String method, byte[] body, Boolean scanLater, Kind kind, IncomingBody.Observer observer)
            throws PrismaRegistryException, InterruptedException {
        String query = scanLater == null ? null : "scanLater=" + scanLater;
        Reply r = send(method, SETTINGS, true, query, body, kind, observer);
        if (r.status() == 404 && !method.equals("POST")) {
            synchronized (stateLock) {
                if (versionDiscovered && !"v1".equals(apiVersion)) {
                    log.warn("The console does not serve " + SETTINGS + " on API " + apiVersion + "; using /api/v1 instead.");
                    apiVersion = "v1";
                    versionDiscovered = false;
                } else if (pinnedApiVersion != null) {
                    throw unsupportedVersion();
                } else {
                    throw noApiHere("/api/" + apiVersion + "/" + SETTINGS);
                }
            }
            r = send(method, SETTINGS, true, query, body, kind, observer);
        }
        return r;
    }

    /**
     * One request to another endpoint of this Console over the same session (login and token renewal, TLS, proxy,
     * retries on dropped connections and 502-504). Repeated like a read; with {@code paced}, a 429 is returned to the
     * caller instead of being waited out here. {@code encodedQuery} is {@code name=value&...}, already percent-encoded.
     */
    Reply exchange(String method, String endpoint, String encodedQuery, byte[] body, boolean paced)
            throws PrismaRegistryException, InterruptedException {
        connect();
        return send(method, endpoint, true, encodedQuery, body, paced ? Kind.POLL : Kind.READ);
    }

    /** Thrown inside {@link #send} for writes whose effect is unknown. */
    private static final class OutcomeUnknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Reply send(String method, String endpoint, boolean withProject, String query, byte[] body, Kind kind)
            throws PrismaRegistryException, InterruptedException {
        return send(method, endpoint, withProject, query, body, kind, null);
    }

    private Reply send(String method, String endpoint, boolean withProject, String query, byte[] body, Kind kind,
            IncomingBody.Observer observer) throws PrismaRegistryException, InterruptedException {
        boolean reauthenticated = false;
        int attempt = 0;
        while (true) {
            String currentVersion = apiVersion;
            HttpUrl.Builder u = url.api(currentVersion, endpoint);
            if (query != null) {
                for (String parameter : query.split("&")) {
                    String[] kv = parameter.split("=", 2);
                    u.addEncodedQueryParameter(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            if (withProject && connection.project() != null) {
                u.addQueryParameter("project", connection.project());
            }
            Request.Builder rb = new Request.Builder().url(u.build())
                    .header("User-Agent", connection.userAgent())
                    .header("Accept", "application/json");
            String usedToken = null;
            if (kind != Kind.LOGIN) {
                usedToken = bearer();
                rb.header("Authorization", "Bearer " + usedToken);
            }
            if (plainHttpProxyAuth != null && !ProxySetup.bypasses(url.host(), connection.proxy().nonProxyHosts())) {
                // Sent up front: a write's one-shot body cannot be repeated after a 407 challenge. Only for http://,
                // where the proxy sees the request; over https the CONNECT carries it and the console never sees it.
                rb.header("Proxy-Authorization", plainHttpProxyAuth);
            }
            if (body != null) {
                rb.method(method, kind == Kind.WRITE ? oneShot(body) : RequestBody.create(body, JSON));
            } else {
                rb.method(method, null);
            }
            Request request = rb.build();
            if (kind == Kind.WRITE) {
                writes.incrementAndGet();
                threadWrites.get()[0]++;
            }

            Reply reply;
            long start = System.nanoTime();
            try {
                reply = execute(request, kind == Kind.LIST_READ, observer);
            } catch (IOException e) {
                if (kind == Kind.WRITE && e instanceof BodyCutOff cut && cut.status >= 200 && cut.status < 300) {
                    // The Console said yes; only its (unused) answer text was lost.
                    reply = new Reply(cut.status, new byte[0], null, null);
                    return reply;
                }
                boolean notSent = notSent(e);
                boolean permanent = isPermanent(e);
                if (!permanent && attempt < retries && (kind != Kind.WRITE || notSent)) {
                    long wait = timing.backoffMillis(attempt++);
                    log.debug(method + " " + endpoint + " failed (" + describe(e) + "); trying again in " + wait + " ms");
                    sleep(wait);
                    continue;
                }
                if (kind == Kind.WRITE && !notSent && !permanent) {
                    throw new OutcomeUnknown(describe(e), e);
                }
                throw mapIoFailure(e, method, endpoint);
            }
            log.debug(method + " " + request.url().encodedPath() + " -> " + reply.status() + " ("
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms, " + reply.body().length + " bytes"
                    + (reply.indexed() != null ? ", indexed while it arrived" : "") + ")");

            int s = reply.status();
            if (s == 401 && kind != Kind.LOGIN && !credentials.isToken() && !reauthenticated) {
                // The token expired or was revoked: one fresh login, then the same request again.
                reauthenticated = true;
                invalidate(usedToken);
                log.debug("The console answered 401; logging in again");
                continue;
            }
            if (s == 429 && kind != Kind.POLL && attempt < retries) {
                long wait = retryAfterMillis(reply.retryAfter(), attempt++);
                log.info("The console asked to slow down (HTTP 429); retrying " + method + " " + endpoint + " in " + wait + " ms");
                sleep(wait);
                continue;
            }
            if (s == 502 || s == 503 || s == 504) {
                if (kind == Kind.WRITE) {
                    // A gateway error after the body went out: the Console may or may not have applied it.
                    throw new OutcomeUnknown("HTTP " + s + " " + consoleMessage(reply), null);
                }
                if (attempt < retries) {
                    long wait = timing.backoffMillis(attempt++);
                    log.debug(method + " " + endpoint + " answered HTTP " + s + "; trying again in " + wait + " ms");
                    sleep(wait);
                    continue;
                }
            }
            if (!currentVersion.equals(apiVersion) && s == 404) {
                continue; // another thread switched the API version meanwhile
            }
            return reply;
        }
    }

    private static final int WRITE_PIECE = 64 * 1024;

    private static RequestBody oneShot(byte[] body) {
        // One-shot: OkHttp must never silently resend a write after a dropped connection; we decide that ourselves.
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return body.length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                // In pieces: okio copies what it is given into its own buffer before sending it, and a 9 MB list
                // given at once would sit there as a second copy while the Console reads it.
                for (int offset = 0; offset < body.length; offset += WRITE_PIECE) {
                    sink.write(body, offset, Math.min(WRITE_PIECE, body.length - offset));
                }
            }
        };
    }

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /**
     * Sends the request and waits for the whole answer. With {@code indexList}, a 200 body of known length is
     * indexed as a settings list on this thread while OkHttp's thread is still receiving it: on a large list that
     * hides most of the indexing behind the transfer. {@code observer} is shown such a body as it starts to arrive.
     */
    private Reply execute(Request request, boolean indexList, IncomingBody.Observer observer)
            throws IOException, InterruptedException {
        Call call = http.newCall(request);
        CompletableFuture<Reply> result = new CompletableFuture<>();
        CompletableFuture<ArrivingBody> arriving = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                // The body is read here, on OkHttp's thread, so an interrupted caller can cancel even a slow download.
                try (response) {
                    byte[] bytes;
                    try {
                        okhttp3.ResponseBody body = response.body();
                        long length = body == null ? -1 : body.contentLength();
                        if (body == null) {
                            bytes = new byte[0];
                        } else if (length < 0 || length > MAX_ARRAY) {
                            bytes = body.bytes();
                        } else {
                            // Known length: read straight into one array (no second full-size buffer).
                            ArrivingBody incoming = new ArrivingBody((int) length);
                            if (indexList && response.code() == 200 && length > 0) {
                                arriving.complete(incoming);
                            }
                            try (okio.BufferedSource source = body.source()) {
                                incoming.readFrom(source);
                            }
                            bytes = incoming.bytes();
                        }
                    } catch (IOException e) {
                        result.completeExceptionally(new BodyCutOff(response.code(), e));
                        return;
                    }
                    result.complete(new Reply(response.code(), bytes, response.header("Retry-After"), response.header("Location"),
                            null, response.headers()));
                } catch (RuntimeException e) {
                    result.completeExceptionally(new IOException(e));
                }
            }
        });
        try {
            RegistrySettings indexed = null;
            ArrivingBody incoming = null;
            if (indexList) {
                CompletableFuture.anyOf(arriving, result).get();
                incoming = arriving.getNow(null);
                if (incoming != null && observer != null) {
                    observer.receiving(incoming);
                }
                if (incoming != null) {
                    indexed = RegistrySettings.indexWhileArriving(incoming.bytes(), incoming);
                }
            }
            Reply reply = result.get();
            // Valid only for the very array the transfer completed into.
            return indexed != null && reply.body() == incoming.bytes()
                    ? new Reply(reply.status(), reply.body(), reply.retryAfter(), reply.location(), indexed)
                    : reply;
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    // ---- authentication

    private String bearer() throws PrismaRegistryException, InterruptedException {
        if (credentials.isToken()) {
            return credentials.secret();
        }
        synchronized (stateLock) {
            if (token == null || System.nanoTime() - tokenIssuedNanos > timing.tokenMaxAge().toNanos()) {
                token = login();
                tokenIssuedNanos = System.nanoTime();
            }
            return token;
        }
    }

    private void invalidate(String usedToken) {
        synchronized (stateLock) {
            if (token != null && token.equals(usedToken)) {
                token = null;
            }
        }
    }

    private String login() throws PrismaRegistryException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("username", credentials.username());
        body.put("password", credentials.secret());
        Reply r = send("POST", "authenticate", false, null, Json.bytes(body), Kind.LOGIN);
        if (r.status() == 401) {
            throw new ConsoleAuthenticationException("The console at " + url + " rejected the login of " + credentials.describe()
                    + " (HTTP 401). Check the user name and password (for Prisma Cloud SaaS: the access key ID and secret key) "
                    + "and that the user may use the console API.");
        }
        if (r.status() == 404) {
            throw pinnedApiVersion != null ? unsupportedVersion() : noApiHere("/api/" + apiVersion + "/authenticate");
        }
        if (r.status() == 403) {
            throw new ConsolePermissionException("The console at " + url + " refused to log in " + credentials.describe()
                    + " (HTTP 403): " + consoleMessage(r) + ". Check that the user's role may use the console API.");
        }
        requireOk(r, "POST", "authenticate");
        String issued = null;
        try {
            JsonNode t = Json.parse(r.body()).get("token");
            issued = t == null || !t.isTextual() ? null : t.textValue();
        } catch (IOException e) {
            // handled below
        }
        if (issued == null || issued.isEmpty()) {
            throw new ConsoleResponseException(r.status(), "The console at " + url + " answered the login of "
                    + credentials.describe() + " without a token. Is " + naming.spell(Parameters.CONSOLE_URL) + " the Compute console's address?");
        }
        redactor.add(issued);
        log.debug("Logged in to " + url + " as " + credentials.describe());
        return issued;
    }

    // ---- errors

    void requireOk(Reply r, String method, String endpoint) throws PrismaRegistryException {
        int s = r.status();
        if (s >= 200 && s < 300) {
            return;
        }
        String what = method + " " + endpoint;
        String msg = consoleMessage(r);
        if (s == 401) {
            throw new ConsoleAuthenticationException("The console at " + url + " rejected " + credentials.describe() + " on "
                    + what + " (HTTP 401" + (msg.isEmpty() ? "" : ": " + msg) + "). "
                    + (credentials.isToken()
                    ? "The API token may be wrong, expired or revoked; issue a new one."
                    : "Logging in again did not help; check the user name and password (SaaS: access key ID and secret key)."));
        }
        if (s == 403) {
            boolean write = !method.equals("GET");
            throw new ConsolePermissionException(capitalise(credentials.describe()) + " may not " + (write ? "change" : "read")
                    + " the registry scan settings on " + url + " (HTTP 403 on " + what + (msg.isEmpty() ? "" : ": " + msg) + "). "
                    + "Give it a role with the policyContainers permission (Defend > Vulnerabilities > Images, "
                    + (write ? "write" : "read") + " access), e.g. a custom role or Administrator.");
        }
        if (s == 407) {
            String proxy = connection.proxy() == null ? "the proxy" : "The proxy " + connection.proxy().host() + ":" + connection.proxy().port();
            throw new ConsoleUnreachableException(proxy + " refused " + what + " to " + url + " (HTTP 407 Proxy "
                    + "Authentication Required). Check the proxy user name and password.");
        }
        if (s == 429) {
            throw new ConsoleRejectedException(s, msg, "The console at " + url + " kept answering " + what
                    + " with HTTP 429 (too many requests) after " + (retries + 1) + " attempts. Try again later.");
        }
        if (s >= 300 && s < 400) {
            throw new ConsoleResponseException(s, "The console at " + url + " answered " + what + " with a redirect (HTTP " + s
                    + (r.location() == null ? "" : " to " + redact(stripQuery(r.location()))) + "). Set " + naming.spell(Parameters.CONSOLE_URL) + " to the address "
                    + "the console really serves (e.g. https:// instead of http://, or with the SaaS path prefix).");
        }
        if (s >= 400 && s < 500) {
            throw new ConsoleRejectedException(s, msg, "The console at " + url + " refused " + what + " (HTTP " + s + ")"
                    + (msg.isEmpty() ? "." : ": " + msg));
        }
        throw new ConsoleResponseException(s, "The console at " + url + " failed on " + what + " with HTTP " + s
                + (msg.isEmpty() ? "" : " (" + msg + ")") + (s >= 502 && s <= 504 ? " after " + (retries + 1) + " attempts" : "")
                + ". Try again later; if it keeps failing, check the console's health.");
    }

    private UnsupportedApiVersionException unsupportedVersion() {
        return new UnsupportedApiVersionException("The console at " + url + " does not serve API " + pinnedApiVersion
                + " (HTTP 404). Set " + naming.spell(Parameters.API_VERSION) + " to a version the console supports (its own major.minor or up to three releases "
                + "older), or leave " + naming.spell(Parameters.API_VERSION) + " empty to use the console's own version.");
    }

    private ConsoleRejectedException noApiHere(String path) {
        return new ConsoleRejectedException(404, "", "No Prisma Cloud Compute API answers at " + url + " (HTTP 404 for "
                + path + "). Check " + naming.spell(Parameters.CONSOLE_URL) + ": it is the Compute console's address, e.g. https://console.example.com:8083; "
                + "on Prisma Cloud SaaS use the 'Path to Console' including its prefix, e.g. https://us-west1.cloud.twistlock.com/us-3-123456.");
    }

    /** The Console's own words: {@code err} (or {@code message}) of a JSON body, else its text; cleaned and shortened. */
    String consoleMessage(Reply r) {
        String text = r.text().trim();
        if (text.isEmpty()) {
            return "";
        }
        try {
            JsonNode n = Json.parse(r.body());
            if (n != null && n.isObject()) {
                JsonNode err = n.has("err") ? n.get("err") : n.get("message");
                if (err != null && err.isTextual()) {
                    text = err.textValue();
                }
            } else if (n != null && n.isTextual()) {
                text = n.textValue();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the text
        }
        text = text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").trim();
        if (text.startsWith("<")) {
            text = "(an HTML page)";
        }
        if (text.length() > MAX_CONSOLE_MESSAGE) {
            text = text.substring(0, MAX_CONSOLE_MESSAGE) + "...";
        }
        return redact(text);
    }

    private PrismaRegistryException mapIoFailure(IOException e, String method, String endpoint) {
        String target = url.host() + ":" + url.port();
        String proxy = connection.proxy() == null ? null : connection.proxy().host() + ":" + connection.proxy().port();
        String detail = redact(describe(e));
        if (e instanceof BodyCutOff cut) {
            return new ConsoleResponseException(cut.status, "The console at " + url + " began answering " + method + " "
                    + endpoint + " (HTTP " + cut.status + ") but the answer was cut off (" + redact(String.valueOf(e.getCause().getMessage()))
                    + ") in each of " + (retries + 1) + " attempts. If a proxy or load balancer sits in front of the console, "
                    + "check that it passes large responses through and that its timeouts are long enough; otherwise try again later.", e);
        }
        if (e instanceof SocketTimeoutException) {
            boolean connect = isConnectTimeout(e);
            Parameter<Duration> timeout = connect ? Parameters.CONNECT_TIMEOUT : Parameters.READ_TIMEOUT;
            String parameter = timeout.name();
            Duration d = connect ? connection.connectTimeout() : connection.readTimeout();
            return new ConsoleTimeoutException(parameter, (connect
                    ? "Could not connect to " + target + (proxy == null ? "" : " through proxy " + proxy) + " within " + d.toSeconds() + " s"
                    : "The console at " + url + " did not answer " + method + " " + endpoint + " within " + d.toSeconds() + " s")
                    + " (" + (retries + 1) + " attempts). Raise " + naming.spell(timeout) + " if the console is slow or far away"
                    + (connect ? ", and check that the host and port are right and reachable." : "."), e);
        }
        if (isTlsAnswer(e)) {
            return new ConsoleUnreachableException("The console at " + target + " answered in TLS: it serves HTTPS on this "
                    + "port, but " + naming.spell(Parameters.CONSOLE_URL) + " says http://: use https:// in "
                    + naming.spell(Parameters.CONSOLE_URL) + " (" + url.toString().replaceFirst("^http:", "https:")
                    + ").", e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new UntrustedCertificateException("The TLS certificate of " + target + " is not valid for the host name '"
                    + url.host() + "' (" + detail + "). Use the host name the certificate was issued for in " + naming.spell(Parameters.CONSOLE_URL) + ", "
                    + "or have the certificate reissued. Only as a last resort, and never in production, set "
                    + naming.spell(Parameters.SKIP_TLS_VERIFY) + " to turn verification off.", e);
        }
        if (e instanceof SSLHandshakeException && isTrustFailure(e)) {
            return new UntrustedCertificateException("The TLS certificate of the console at " + url + " is not trusted ("
                    + detail + "). Set " + naming.spell(Parameters.CA_CERTIFICATE) + " to the PEM file of the CA that signed it (a self-hosted console serves "
                    + "its CA at /api/v1/certs/ca.pem), or add that CA to the Java trust store. Only as a last resort, and "
                    + "never in production, set " + naming.spell(Parameters.SKIP_TLS_VERIFY) + " to turn verification off.", e);
        }
        if (e instanceof SSLException) {
            return new ConsoleUnreachableException("The TLS connection to " + target + " failed (" + detail + "). If the "
                    + "console serves plain HTTP on this port, use http:// in " + naming.spell(Parameters.CONSOLE_URL) + "; otherwise check the port.", e);
        }
        if (e instanceof UnknownHostException) {
            return new ConsoleUnreachableException("Cannot resolve the host name '" + unresolvedHost(e) + "'"
                    + resolverReason(e) + (proxy == null ? "" : " (proxy " + proxy + ")") + ". Check "
                    + naming.spell(Parameters.CONSOLE_URL) + " (" + url + ")"
                    + (proxy == null ? "" : " and the proxy host") + ", and the DNS of this machine.", e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (proxy != null && (message.contains("authenticate with proxy") || message.contains("407"))) {
            return new ConsoleUnreachableException("The proxy " + proxy + " refused the request (HTTP 407 Proxy Authentication "
                    + "Required). Check the proxy user name and password.", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new ConsoleUnreachableException("Cannot connect to " + (proxy == null ? target : "proxy " + proxy + " (for " + target + ")")
                    + " (" + detail + ") after " + (retries + 1) + " attempts. Check that the console runs and that the "
                    + "host and port in " + naming.spell(Parameters.CONSOLE_URL) + " are right" + (proxy == null
                    ? "; if this network needs an HTTP proxy to reach it, configure one."
                    : "; check that the proxy is reachable, or list the console's host in nonProxyHosts if it should be reached directly."), e);
        }
        return new ConsoleUnreachableException("The request " + method + " " + endpoint + " to " + url + " failed (" + detail
                + ") after " + (retries + 1) + " attempts. Check the network path to the console"
                + (proxy == null ? "" : " and the proxy " + proxy) + ", then try again.", e);
    }

    /** The JDK says "host: reason" (or only "host"); the host alone goes in quotes. */
    private String unresolvedHost(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return url.host();
        }
        int colon = m.indexOf(": ");
        return redact(colon < 0 ? m.trim() : m.substring(0, colon).trim());
    }

    private static String resolverReason(IOException e) {
        String m = e.getMessage();
        int colon = m == null ? -1 : m.indexOf(": ");
        return colon < 0 || m.substring(colon + 2).isBlank() ? "" : " (" + m.substring(colon + 2).trim() + ")";
    }

    /**
     * A TLS server read our plain HTTP request and answered with a TLS record (0x15 alert or 0x16 handshake, then the
     * 0x03 of the protocol version), which OkHttp reports as an unexpected status line.
     */
    private static boolean isTlsAnswer(IOException e) {
        String m = e.getMessage();
        String prefix = "Unexpected status line: ";
        if (!(e instanceof java.net.ProtocolException) || m == null || !m.startsWith(prefix) || m.length() < prefix.length() + 2) {
            return false;
        }
        char type = m.charAt(prefix.length());
        return (type == 0x15 || type == 0x16) && m.charAt(prefix.length() + 1) == 0x03;
    }

    private static boolean isConnectTimeout(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return m.contains("connect");
    }

    private static boolean isTrustFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof java.security.cert.CertPathValidatorException
                    || t.getClass().getName().contains("CertPathBuilderException")) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("PKIX") || m.contains("certification path"))) {
                return true;
            }
        }
        return false;
    }

    /** The request certainly never reached the Console. */
    private static boolean notSent(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
                || e instanceof SSLHandshakeException || e instanceof SocketTimeoutException && isConnectTimeout(e);
    }

    /** Repeating cannot help (name resolution, TLS trust, proxy credentials). */
    private static boolean isPermanent(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof UnknownHostException || e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException
                || isTlsAnswer(e) || m.contains("authenticate with proxy") || e.getClass().getSimpleName().equals("InterruptedIOException") && "Canceled".equals(m);
    }

    private static String describe(IOException e) {
        // Raw bytes from a peer that is not speaking HTTP would garble the log.
        String m = e.getMessage() == null ? null : e.getMessage().replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private long retryAfterMillis(String header, int attempt) {
        long cap = timing.retryAfterCap().toMillis();
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                return Math.min(cap, Math.max(0, seconds) * 1000);
            } catch (NumberFormatException e) {
                try {
                    java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(header.trim(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    long ms = Duration.between(java.time.ZonedDateTime.now(when.getZone()), when).toMillis();
                    return Math.min(cap, Math.max(0, ms));
                } catch (java.time.format.DateTimeParseException ignored) {
                    // fall through to our own back-off
                }
            }
        }
        return timing.backoffMillis(attempt);
    }

    private static String parseConsoleVersion(Reply r) {
        try {
            JsonNode n = Json.parse(r.body());
            if (n != null && n.isTextual()) {
                return n.textValue().trim();
            }
        } catch (IOException e) {
            // plain text
        }
        String t = r.text().trim().replace("\"", "");
        return t.length() > 40 ? t.substring(0, 40) : t;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q >= 0 ? location.substring(0, q) : location;
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        executor.shutdown();
        http.connectionPool().evictAll();
    }
}
