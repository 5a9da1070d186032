package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
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
                default:
                    return ConsoleApi.error(404, "unknown simulator admin endpoint: " + method + " " + action
                            + " (known: GET/PUT specifications, GET/DELETE requests, GET status, POST reset?seed=N,"
                            + " POST/DELETE faults, POST refuse-post?value=true|false, POST expire-tokens)");
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
