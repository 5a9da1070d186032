package io.github.prismaregistry.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.ConsoleResponseException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.settings.Json;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The Console's scan endpoints ({@code registry/scan}, {@code registry/progress}, {@code registry}) over a
 * {@link ConsoleClient}'s session: the same login, token renewal, TLS, proxy and retries. Reads come back with the
 * Console's {@code Date} and, on 429, its {@code Retry-After}, so the caller can pace its polling.
 */
public final class RegistryScanClient {

    private static final String SCAN = "registry/scan";
    private static final String PROGRESS = "registry/progress";
    private static final String RESULTS = "registry";

    /**
     * One poll's answer.
     *
     * @param body        the parsed JSON body, or null when rate limited
     * @param consoleTime the Console's {@code Date}, or null when it sent none
     * @param retryAfter  when the Console answered 429: how long it asked to wait (zero if it did not say); else null
     * @param totalCount  {@code Total-Count}, or -1 when absent
     */
    public record Answer(JsonNode body, Instant consoleTime, Duration retryAfter, int totalCount) {
        public boolean rateLimited() {
            return retryAfter != null;
        }
    }

    private final ConsoleClient client;

    public RegistryScanClient(ConsoleClient client) {
        this.client = client;
    }

    /**
     * Starts an on-demand scan of one image ({@code tag} or {@code digest} may be empty, not both) and returns the
     * Console's time of the answer ({@code Date}); null when the Console sent no usable {@code Date}.
     */
    public Instant triggerOnDemandScan(String registry, String repository, String tag, String digest)
            throws PrismaRegistryException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("onDemandScan", true);
        ObjectNode image = body.putObject("tag");
        image.put("registry", registry);
        image.put("repo", repository);
        image.put("tag", tag);
        image.put("digest", digest);
        ConsoleClient.Reply reply = client.exchange("POST", SCAN, null, Json.bytes(body), false);
        check(reply, "POST", SCAN);
        return consoleTime(reply);
    }

    /** {@code GET registry/progress?onDemand=true&...} for one image. */
    public Answer progress(String registry, String repository, String tag, String digest)
            throws PrismaRegistryException, InterruptedException {
        StringBuilder query = new StringBuilder("onDemand=true");
        parameter(query, "registry", registry);
        parameter(query, "repo", repository);
        if (!tag.isEmpty()) {
            parameter(query, "tag", tag);
        }
        if (!digest.isEmpty()) {
            parameter(query, "digest", digest);
        }
        return poll(PROGRESS, query.toString());
    }

    /** {@code GET registry?name=...&limit=...&offset=...}: stored results whose name contains {@code name}. */
    public Answer results(String name, int limit, int offset) throws PrismaRegistryException, InterruptedException {
        StringBuilder query = new StringBuilder();
        parameter(query, "name", name);
        parameter(query, "limit", String.valueOf(limit));
        parameter(query, "offset", String.valueOf(offset));
        return poll(RESULTS, query.toString());
    }

    /** {@code GET registry?registry=...&repository=...}: stored results of every tag of one repository. */
    public Answer resultsOfRepository(String registry, String repository, int limit, int offset)
            throws PrismaRegistryException, InterruptedException {
        StringBuilder query = new StringBuilder();
        parameter(query, "registry", registry);
        parameter(query, "repository", repository);
        parameter(query, "limit", String.valueOf(limit));
        parameter(query, "offset", String.valueOf(offset));
        return poll(RESULTS, query.toString());
    }

    /** The client's redaction of known secrets, for messages built from Console text. */
    public String redact(String text) {
        return client.redact(text);
    }

    private Answer poll(String endpoint, String query) throws PrismaRegistryException, InterruptedException {
        ConsoleClient.Reply reply = client.exchange("GET", endpoint, query, null, true);
        Instant time = consoleTime(reply);
        if (reply.status() == 429) {
            return new Answer(null, time, retryAfter(reply.retryAfter(), time), -1);
        }
        check(reply, "GET", endpoint);
        JsonNode body;
        try {
            body = Json.parse(reply.body());
        } catch (IOException e) {
            throw new ConsoleResponseException(reply.status(), "The console at " + client.url() + " answered GET "
                    + endpoint + " with a body that is not JSON (" + client.redact(String.valueOf(e.getMessage()))
                    + "). Is consoleUrl the Compute console's address?", e);
        }
        String total = reply.header("Total-Count");
        int count = -1;
        if (total != null) {
            try {
                count = Integer.parseInt(total.trim());
            } catch (NumberFormatException e) {
                // an unreadable count is as good as none
            }
        }
        return new Answer(body, time, null, count);
    }

    private void check(ConsoleClient.Reply reply, String method, String endpoint) throws PrismaRegistryException {
        if (reply.status() == 403) {
            String message = client.consoleMessage(reply);
            throw new ConsolePermissionException("The console at " + client.url() + " refused " + method + " " + endpoint
                    + " (HTTP 403" + (message.isEmpty() ? "" : ": " + message) + "). Scanning an image on demand and "
                    + "reading its result need the monitorImages permission (Monitor > Vulnerabilities > Images, read and"
                    + " write); give the user or access key a role that has it.");
        }
        client.requireOk(reply, method, endpoint);
    }

    private static void parameter(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The HTTP {@code Date} header: IMF-fixdate, as RFC 9110 prescribes, or the older RFC 1123 spellings. */
    static Instant consoleTime(ConsoleClient.Reply reply) {
        String date = reply.header("Date");
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Seconds, or an HTTP date measured against the Console's own clock; zero when absent or unreadable. */
    private static Duration retryAfter(String header, Instant consoleTime) {
        if (header != null) {
            String value = header.trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(consoleTime != null ? consoleTime : Instant.now(), until);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException notADate) {
                    // no usable advice: the caller paces by its own interval
                }
            }
        }
        return Duration.ZERO;
    }
}
