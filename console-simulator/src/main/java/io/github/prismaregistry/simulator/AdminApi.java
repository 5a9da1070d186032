package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Unauthenticated controls under {@code <url>/_simulator/}, for processes that cannot call the Java API (Maven
 * invoker builds, the quick start, shell scripts). Not recorded in the request log, not subject to faults.
 */
final class AdminApi {

    private static final Set<String> FAULT_FIELDS = Set.of("method", "endpoint", "nth", "times", "always", "status",
            "body", "retryAfter", "dropConnection", "dropConnectionAfterProcessing", "truncateBody", "delayMillis");

    private final ConsoleSimulator sim;

    AdminApi(ConsoleSimulator sim) {
        this.sim = sim;
    }

    HttpResponse handle(HttpRequest request, String action) {
        String method = request.method;
        String project = request.queryParameters().getOrDefault("project", ConsoleSimulator.DEFAULT_PROJECT);
        try {
            switch (method + " " + action) {
                case "GET specifications": {
                    ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
                    sim.store.get(project).entries.forEach(array::add);
                    return ok(array);
                }
                case "PUT specifications":
                    return setSpecifications(request, project);
                case "GET requests":
                    return ok(requestsAsJson());
                case "DELETE requests":
                    sim.clearRequests();
                    return ok(message("request log cleared"));
                case "GET status":
                    return ok(status());
                case "POST reset": {
                    String seed = request.queryParameters().get("seed");
                    int count = seed == null || seed.isEmpty() ? sim.seedCount : Integer.parseInt(seed.trim());
                    if (count < 0) {
                        return ConsoleApi.error(400, "seed must not be negative");
                    }
                    sim.reset(count);
                    return ok(status());
                }
                case "POST faults":
                    return injectFault(request);
                case "DELETE faults":
                    sim.clearFaults();
                    return ok(message("faults cleared"));
                case "POST refuse-post": {
                    String value = request.queryParameters().getOrDefault("value", "true");
                    if (!value.equals("true") && !value.equals("false")) {
                        return ConsoleApi.error(400, "value must be true or false");
                    }
                    sim.refusePost(Boolean.parseBoolean(value));
                    return ok(message("refusePost=" + value));
                }
                case "POST expire-tokens":
                    sim.expireTokens();
                    return ok(message("all issued tokens expired"));
                case "GET images": {
                    ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
                    sim.images().forEach(image -> array.add(image.toJson()));
                    return ok(array);
                }
                case "POST images":
                    return addImages(request);
                case "DELETE images":
                    sim.scans.clearImages();
                    return ok(message("image catalogue emptied"));
                case "POST scan-results":
                    return storeScanResult(request);
                case "GET scans": {
                    ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
                    sim.scanStarts().forEach(start -> array.add(start.toJson()));
                    return ok(array);
                }
                case "DELETE scans":
                    sim.clearScanStarts();
                    return ok(message("record of started scans cleared"));
                case "POST scan-options":
                    return scanOptions(request);
                default:
                    return ConsoleApi.error(404, "unknown simulator admin endpoint: " + method + " " + action
                            + " (known: GET/PUT specifications, GET/DELETE requests, GET status, POST reset?seed=N,"
                            + " POST/DELETE faults, POST refuse-post?value=true|false, POST expire-tokens,"
                            + " GET/POST/DELETE images, POST scan-results, GET/DELETE scans, POST scan-options)");
            }
        } catch (NumberFormatException e) {
            return ConsoleApi.error(400, "not a number: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ConsoleApi.error(400, e.getMessage());
        }
    }

    private HttpResponse setSpecifications(HttpRequest request, String project) {
        JsonNode body;
        try {
            body = ConsoleSimulator.MAPPER.readTree(request.body);
        } catch (IOException e) {
            return ConsoleApi.error(400, "body must be a JSON array of objects: " + e.getMessage());
        }
        if (body == null || !body.isArray()) {
            return ConsoleApi.error(400, "body must be a JSON array of objects");
        }
        List<JsonNode> entries = new ArrayList<>();
        body.forEach(entries::add);
        sim.setSpecifications(project, entries);
        return ok(status());
    }

    /** One image object or an array of them; see {@link CatalogueImage#fromJson}. */
    private HttpResponse addImages(HttpRequest request) {
        JsonNode body = readJson(request);
        List<CatalogueImage> images = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(node -> images.add(CatalogueImage.fromJson(node)));
        } else {
            images.add(CatalogueImage.fromJson(body));
        }
        images.forEach(sim::addImage);
        ObjectNode response = message(images.size() + " image(s) in the catalogue");
        response.put("imageCount", sim.images().size());
        return ok(response);
    }

    /** An image object plus {@code scanTime} (ISO-8601): a result as if an earlier scan had found it. */
    private HttpResponse storeScanResult(HttpRequest request) {
        JsonNode body = readJson(request);
        if (body == null || !body.isObject() || !body.path("scanTime").isTextual()) {
            throw new IllegalArgumentException("a stored scan result is an image object with a scanTime such as"
                    + " \"2026-03-01T10:00:00Z\"");
        }
        ObjectNode image = (ObjectNode) body.deepCopy();
        Instant scanTime;
        try {
            scanTime = Instant.parse(image.remove("scanTime").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scanTime must be an ISO-8601 instant such as 2026-03-01T10:00:00Z");
        }
        sim.storeScanResult(CatalogueImage.fromJson(image), scanTime);
        return ok(message("scan result stored"));
    }

    /** {@code rejectUncovered}, {@code defaultScanDurationMillis}, {@code rateLimit: {requests, windowSeconds}}. */
    private HttpResponse scanOptions(HttpRequest request) {
        JsonNode body = readJson(request);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("scan options are a JSON object with rejectUncovered,"
                    + " defaultScanDurationMillis and/or rateLimit {requests, windowSeconds}");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Set.of("rejectUncovered", "defaultScanDurationMillis", "rateLimit").contains(name)) {
                throw new IllegalArgumentException("unknown scan option '" + name
                        + "'; known: rejectUncovered, defaultScanDurationMillis, rateLimit");
            }
        }
        if (body.has("rejectUncovered")) {
            sim.rejectUncoveredImages(body.get("rejectUncovered").asBoolean());
        }
        if (body.has("defaultScanDurationMillis")) {
            sim.defaultScanDuration(Duration.ofMillis(body.get("defaultScanDurationMillis").asLong()));
        }
        if (body.has("rateLimit")) {
            JsonNode limit = body.get("rateLimit");
            sim.rateLimitScanResults(limit.path("requests").asInt(0),
                    Duration.ofSeconds(limit.path("windowSeconds").asLong(30)));
        }
        return ok(message("scan options set"));
    }

    private static JsonNode readJson(HttpRequest request) {
        try {
            return ConsoleSimulator.MAPPER.readTree(request.body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
    }

    private ArrayNode requestsAsJson() {
        ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
        for (RecordedRequest recorded : sim.requests()) {
            ObjectNode entry = array.addObject();
            entry.put("method", recorded.method());
            entry.put("path", recorded.path());
            entry.put("endpoint", recorded.endpoint());
            entry.put("apiVersion", recorded.apiVersion());
            entry.put("query", recorded.query());
            entry.put("status", recorded.status());
            entry.put("bodyLength", recorded.bodyLength());
            entry.put("authScheme", recorded.authScheme());
            entry.put("user", recorded.user());
            entry.put("time", recorded.time().toString());
        }
        return array;
    }

    private ObjectNode status() {
        ObjectNode status = ConsoleSimulator.MAPPER.createObjectNode();
        status.put("url", sim.url());
        status.put("consoleVersion", sim.consoleVersion());
        status.put("entryCount", sim.entryCount());
        status.put("writeCount", sim.writeCount());
        status.put("loginCount", sim.loginCount());
        status.put("scansStarted", sim.scansStarted());
        status.put("pendingFaults", sim.pendingFaults());
        status.put("imageCount", sim.images().size());
        status.put("scanStartCount", sim.scanStarts().size());
        status.put("refusePost", sim.refusePost.get());
        ObjectNode projects = status.putObject("projects");
        for (String project : sim.store.projectNames()) {
            projects.put(project, sim.entryCount(project));
        }
        return status;
    }

    private HttpResponse injectFault(HttpRequest request) {
        JsonNode body;
        try {
            body = ConsoleSimulator.MAPPER.readTree(request.body);
        } catch (IOException e) {
            return ConsoleApi.error(400, "fault must be a JSON object: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return ConsoleApi.error(400, "fault must be a JSON object such as"
                    + " {\"method\":\"POST\",\"endpoint\":\"settings/registry\",\"nth\":1,\"status\":503}");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FAULT_FIELDS.contains(name)) {
                return ConsoleApi.error(400, "unknown fault field '" + name + "'; known fields: " + FAULT_FIELDS);
            }
        }
        Fault fault = Fault.on(body.path("method").asText("*"), body.path("endpoint").asText("settings/registry"));
        if (body.has("nth")) {
            fault = fault.nth(body.get("nth").asInt());
        }
        if (body.path("always").asBoolean(false) || body.path("times").asInt(1) < 0) {
            fault = fault.always();
        } else if (body.has("times")) {
            fault = fault.times(body.get("times").asInt());
        }
        if (body.has("delayMillis")) {
            fault = fault.delay(Duration.ofMillis(body.get("delayMillis").asLong()));
        }
        boolean hasAction = false;
        if (body.has("retryAfter") && (!body.has("status") || body.get("status").asInt() == 429)) {
            fault = fault.respond429(body.get("retryAfter").asInt());
            hasAction = true;
        } else if (body.has("status")) {
            JsonNode responseBody = body.get("body");
            String text = responseBody == null || responseBody.isNull() ? "{\"err\":\"injected fault\"}"
                    : responseBody.isTextual() ? responseBody.asText() : responseBody.toString();
            fault = fault.respond(body.get("status").asInt(), text);
            hasAction = true;
        }
        if (body.path("dropConnection").asBoolean(false)) {
            fault = fault.dropConnection();
            hasAction = true;
        }
        if (body.path("dropConnectionAfterProcessing").asBoolean(false)) {
            fault = fault.dropConnectionAfterProcessing();
            hasAction = true;
        }
        if (body.path("truncateBody").asBoolean(false)) {
            fault = fault.truncateBody();
            hasAction = true;
        }
        if (!hasAction && fault.delay == null) {
            return ConsoleApi.error(400, "the fault does nothing: give status, retryAfter, dropConnection,"
                    + " dropConnectionAfterProcessing, truncateBody or delayMillis");
        }
        sim.inject(fault);
        ObjectNode response = message("fault injected");
        response.put("fault", fault.toString());
        return ok(response);
    }

    private static ObjectNode message(String text) {
        ObjectNode node = ConsoleSimulator.MAPPER.createObjectNode();
        node.put("message", text);
        return node;
    }

    private static HttpResponse ok(JsonNode node) {
        return HttpResponse.json(200, ConsoleApi.bytes(node));
    }
}
