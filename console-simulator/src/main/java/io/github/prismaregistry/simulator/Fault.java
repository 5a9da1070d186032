package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A misbehaviour of the console to inject with {@link ConsoleSimulator#inject(Fault)}.
 *
 * <p>A fault matches requests by HTTP method and endpoint (the path after {@code /api/<version>/}, for example
 * {@code "settings/registry"}; {@code "*"} matches any method or endpoint). Matching requests are counted from the
 * moment the fault is injected, including requests that later fail authentication. The fault fires on the
 * {@link #nth(int) nth} matching request and, with {@link #times(int)} or {@link #always()}, on the following ones.
 *
 * <p>What happens when it fires:
 * <ul>
 *   <li>{@link #respond(int, String)} / {@link #respond429(int)}: that response is sent instead; the request is not
 *       processed (as when a proxy or an overloaded console answers).</li>
 *   <li>{@link #dropConnection()}: the connection is closed without a response; the request is not processed.</li>
 *   <li>{@link #dropConnectionAfterProcessing()}: the request is processed, then the connection is closed without a
 *       response (a write whose outcome the client cannot know).</li>
 *   <li>{@link #truncateBody()}: the request is processed; the response declares its full length but only half of
 *       the body is sent before the connection is closed.</li>
 *   <li>{@link #delay(Duration)}: the request waits, then is handled normally (combines with every other action).</li>
 *   <li>{@link #foreignWriteBefore(UnaryOperator)} / {@link #foreignWriteAfter(UnaryOperator)}: someone else replaces
 *       the whole list, as a full-list PUT would, just before / just after this request is processed. The operator
 *       receives a mutable deep copy of the current list and returns the new list. Combines with a delay and, for
 *       "before", with a response or drop action.</li>
 * </ul>
 *
 * <p>Instances are immutable; every method returns a new fault.
 */
public final class Fault {

    enum Action { NONE, RESPOND, DROP_CONNECTION, DROP_AFTER_PROCESSING, TRUNCATE_BODY }

    final String method;
    final String endpoint;
    final int nth;
    final int times;
    final Action action;
    final int status;
    final String body;
    final Integer retryAfterSeconds;
    final Duration delay;
    final UnaryOperator<List<ObjectNode>> foreignWriteBefore;
    final UnaryOperator<List<ObjectNode>> foreignWriteAfter;

    private Fault(String method, String endpoint, int nth, int times, Action action, int status, String body,
            Integer retryAfterSeconds, Duration delay, UnaryOperator<List<ObjectNode>> foreignWriteBefore,
            UnaryOperator<List<ObjectNode>> foreignWriteAfter) {
        this.method = method;
        this.endpoint = endpoint;
        this.nth = nth;
        this.times = times;
        this.action = action;
        this.status = status;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.foreignWriteBefore = foreignWriteBefore;
        this.foreignWriteAfter = foreignWriteAfter;
    }

    /**
     * Starts a fault for requests with this method (e.g. {@code "GET"}, or {@code "*"}) to this endpoint (e.g.
     * {@code "settings/registry"}, {@code "authenticate"}, {@code "version"}, {@code "credentials"}, or {@code "*"}).
     */
    public static Fault on(String method, String endpoint) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(endpoint, "endpoint");
        String normalisedEndpoint = endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
        return new Fault(method.toUpperCase(Locale.ROOT), normalisedEndpoint, 1, 1, Action.NONE, 0, null, null,
                null, null, null);
    }

    /** Fires on the nth matching request (1 = the next one, the default). */
    public Fault nth(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nth must be 1 or more, was " + n);
        }
        return new Fault(method, endpoint, n, times, action, status, body, retryAfterSeconds, delay,
                foreignWriteBefore, foreignWriteAfter);
    }

    /** Fires on k consecutive matching requests, starting with the nth (default 1). */
    public Fault times(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("times must be 1 or more, was " + k);
        }
        return new Fault(method, endpoint, nth, k, action, status, body, retryAfterSeconds, delay,
                foreignWriteBefore, foreignWriteAfter);
    }

    /** Fires on every matching request from the nth on, until {@link ConsoleSimulator#clearFaults()}. */
    public Fault always() {
        return new Fault(method, endpoint, nth, Integer.MAX_VALUE, action, status, body, retryAfterSeconds, delay,
                foreignWriteBefore, foreignWriteAfter);
    }

    /**
     * Answers with this status and body instead of processing the request. A body starting with '{' or '[' is sent
     * as application/json, anything else as text/plain.
     */
    public Fault respond(int status, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return withAction(Action.RESPOND, status, body == null ? "" : body, null);
    }

    /** Answers 429 Too Many Requests with {@code Retry-After: retryAfterSeconds}. */
    public Fault respond429(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return withAction(Action.RESPOND, 429, "{\"err\":\"too many requests\"}", retryAfterSeconds);
    }

    /** Closes the connection without any response; the request is not processed. */
    public Fault dropConnection() {
        return withAction(Action.DROP_CONNECTION, 0, null, null);
    }

    /** Processes the request (a write lands), then closes the connection without any response. */
    public Fault dropConnectionAfterProcessing() {
        return withAction(Action.DROP_AFTER_PROCESSING, 0, null, null);
    }

    /** Processes the request, then sends the headers and half of the body and closes the connection. */
    public Fault truncateBody() {
        return withAction(Action.TRUNCATE_BODY, 0, null, null);
    }

    /** Holds the request for this long before handling it. */
    public Fault delay(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(method, endpoint, nth, times, action, status, body, retryAfterSeconds, duration,
                foreignWriteBefore, foreignWriteAfter);
    }

    /** Someone else replaces the list (full-list PUT) just before this request is handled. */
    public Fault foreignWriteBefore(UnaryOperator<List<ObjectNode>> writer) {
        Objects.requireNonNull(writer, "writer");
        return new Fault(method, endpoint, nth, times, action, status, body, retryAfterSeconds, delay, writer,
                foreignWriteAfter);
    }

    /** Someone else replaces the list (full-list PUT) right after this request was processed. */
    public Fault foreignWriteAfter(UnaryOperator<List<ObjectNode>> writer) {
        Objects.requireNonNull(writer, "writer");
        return new Fault(method, endpoint, nth, times, action, status, body, retryAfterSeconds, delay,
                foreignWriteBefore, writer);
    }

    private Fault withAction(Action newAction, int newStatus, String newBody, Integer newRetryAfter) {
        if (action != Action.NONE) {
            throw new IllegalStateException("a fault has one response action; this one already has " + action);
        }
        return new Fault(method, endpoint, nth, times, newAction, newStatus, newBody, newRetryAfter, delay,
                foreignWriteBefore, foreignWriteAfter);
    }

    boolean matches(String requestMethod, String requestEndpoint) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
                && ("*".equals(endpoint) || endpoint.equals(requestEndpoint));
    }

    @Override
    public String toString() {
        return "Fault[" + method + " " + endpoint + ", nth=" + nth
                + ", times=" + (times == Integer.MAX_VALUE ? "always" : String.valueOf(times))
                + ", action=" + action + (action == Action.RESPOND ? " " + status : "")
                + (delay != null ? ", delay=" + delay : "")
                + (foreignWriteBefore != null ? ", foreignWriteBefore" : "")
                + (foreignWriteAfter != null ? ", foreignWriteAfter" : "") + "]";
    }
}
