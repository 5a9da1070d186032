package io.github.prismaregistry.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received on its API (admin endpoints under {@code _simulator/} are not recorded), or a
 * foreign write injected by a {@link Fault} (method {@code "PUT"}, user {@value ConsoleSimulator#FOREIGN_WRITER}).
 *
 * <p>Header values are kept except credentials: {@code Authorization} and similar headers are never recorded; see
 * {@link #authScheme()} and {@link #user()} instead.
 */
public final class RecordedRequest {

    private final long sequence;
    private final Instant time;
    private final String method;
    private final String path;
    private final String query;
    private final String endpoint;
    private final String apiVersion;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final int bodyLength;
    private final int status;
    private final String authScheme;
    private final String user;

    RecordedRequest(long sequence, Instant time, String method, String path, String query, String endpoint,
            String apiVersion, Map<String, List<String>> headers, byte[] body, int bodyLength, int status,
            String authScheme, String user) {
        this.sequence = sequence;
        this.time = time;
        this.method = method;
        this.path = path;
        this.query = query;
        this.endpoint = endpoint;
        this.apiVersion = apiVersion;
        this.headers = headers;
        this.body = body;
        this.bodyLength = bodyLength;
        this.status = status;
        this.authScheme = authScheme;
        this.user = user;
    }

    long sequence() {
        return sequence;
    }

    /** When the request arrived. */
    public Instant time() {
        return time;
    }

    /** HTTP method, e.g. {@code "POST"}. */
    public String method() {
        return method;
    }

    /** Full request path including the path prefix, without the query string. */
    public String path() {
        return path;
    }

    /** Raw query string without '?', or null when there was none. */
    public String query() {
        return query;
    }

    /** Decoded value of a query parameter (first one if repeated), or null when absent. */
    public String queryParameter(String name) {
        return HttpRequest.parseQuery(query).get(name);
    }

    /**
     * Path after {@code /api/<version>/}, e.g. {@code "settings/registry"}, {@code "authenticate"},
     * {@code "version"}, {@code "credentials"}; null for paths outside the API.
     */
    public String endpoint() {
        return endpoint;
    }

    /** Version path segment as sent, e.g. {@code "v1"} or {@code "v34.04"}; null for paths outside the API. */
    public String apiVersion() {
        return apiVersion;
    }

    /** First value of a request header (case-insensitive name), or null. Credential headers are never kept. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Request headers by lower-case name, without credential headers. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Request body as UTF-8 text ("" when empty). Null only when the body was discarded to bound memory: the log
     * keeps the bodies of the most recent requests up to a total size (see
     * {@link ConsoleSimulator.Builder#requestLogLimit(int, long)}).
     */
    public String body() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** Size of the request body in bytes as received (also when the body itself was discarded). */
    public int bodyLength() {
        return bodyLength;
    }

    /** HTTP status sent; 0 when the connection was dropped without a response. */
    public int status() {
        return status;
    }

    /** {@code "Bearer"}, {@code "Basic"}, or null when no Authorization header was sent. */
    public String authScheme() {
        return authScheme;
    }

    /**
     * Who the request authenticated as: the user name for Basic and for tokens from {@code /authenticate} (also when
     * the login itself failed, the name that was tried), {@value ConsoleSimulator#API_TOKEN_USER} for the static API
     * token, {@value ConsoleSimulator#FOREIGN_WRITER} for injected foreign writes; null when unknown.
     */
    public String user() {
        return user;
    }

    boolean hasBody() {
        return body != null && body.length > 0;
    }

    RecordedRequest withoutBody() {
        return new RecordedRequest(sequence, time, method, path, query, endpoint, apiVersion, headers, null,
                bodyLength, status, authScheme, user);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (user == null ? "" : " (" + user + ")");
    }
}
