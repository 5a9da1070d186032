package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scan endpoints: {@code registry/scan}, {@code registry/progress} and {@code registry}. */
final class ScanApi {

    static final String SCAN = "registry/scan";
    static final String PROGRESS = "registry/progress";
    static final String RESULTS = "registry";

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 250;

    private final ConsoleSimulator sim;

    ScanApi(ConsoleSimulator sim) {
        this.sim = sim;
    }

    /** POST registry/scan: every registry, one specification's registry, or one image on demand. */
    HttpResponse scan(ConsoleApi.Call call) {
        JsonNode body;
        try {
            body = ConsoleApi.parse(call.request.body);
        } catch (IOException e) {
            return ConsoleApi.error(400, "failed to parse registry scan request: " + e.getMessage());
        }
        List<ObjectNode> specifications = sim.store.get(call.project).entries;
        if (body == null || body.isNull()) {
            return started(call, ScanStart.Scope.ALL_REGISTRIES, null, null, null, null, false,
                    specifications.size());
        }
        if (!body.isObject()) {
            return ConsoleApi.error(400, "json: cannot unmarshal " + ConsoleApi.kind(body)
                    + " into Go value of type shared.RegistryScanRequest");
        }
        ObjectNode request = (ObjectNode) body;
        JsonNode tag = ConsoleApi.caseInsensitiveField(request, "tag");
        JsonNode settings = ConsoleApi.caseInsensitiveField(request, "settings");
        JsonNode onDemand = ConsoleApi.caseInsensitiveField(request, "onDemandScan");
        if (onDemand != null && !onDemand.isNull() && !onDemand.isBoolean()) {
            return ConsoleApi.error(400, "json: cannot unmarshal " + ConsoleApi.kind(onDemand)
                    + " into Go struct field RegistryScanRequest.onDemandScan of type bool");
        }
        if (tag != null && tag.isObject()) {
            return scanImage(call, (ObjectNode) tag, onDemand != null && onDemand.asBoolean(false), specifications);
        }
        if (settings != null && settings.isObject()) {
            String typeError = ConsoleApi.typeError((ObjectNode) settings);
            if (typeError != null) {
                return ConsoleApi.error(400, typeError);
            }
            return started(call, ScanStart.Scope.SPECIFICATION, settings.path("registry").asText(""),
                    settings.path("repository").asText(""), settings.path("tag").asText(""), null, false, 1);
        }
        return started(call, ScanStart.Scope.ALL_REGISTRIES, null, null, null, null, false, specifications.size());
    }

    private HttpResponse scanImage(ConsoleApi.Call call, ObjectNode tag, boolean onDemand,
            List<ObjectNode> specifications) {
        String registry = text(tag, "registry");
        String repository = text(tag, "repo");
        String tagName = text(tag, "tag");
        String digest = text(tag, "digest");
        if (repository.isEmpty()) {
            return ConsoleApi.error(400, "missing repository in the image to scan");
        }
        if (tagName.isEmpty() && digest.isEmpty()) {
            return ConsoleApi.error(400, "missing tag or digest in the image to scan");
        }
        CatalogueImage image = sim.scans.find(registry, repository, tagName, digest);
        String coveredTag = !tagName.isEmpty() ? tagName : image != null ? image.tag : "";
        if (!ScanCatalogue.covered(specifications, registry, repository, coveredTag)) {
            if (sim.scans.uncovered() == ScanCatalogue.Uncovered.REJECT) {
                return ConsoleApi.error(400, "image " + ScanCatalogue.displayRegistry(registry) + "/" + repository
                        + (tagName.isEmpty() ? "@" + digest : ":" + tagName)
                        + " is not in the scope of any registry scan settings");
            }
            return HttpResponse.empty(200); // accepted, and nothing ever happens
        }
        sim.scans.startScan(image, registry, repository, tagName, digest, sim.now());
        return started(call, ScanStart.Scope.IMAGE, registry, repository, tagName, digest, onDemand, 0);
    }

    private HttpResponse started(ConsoleApi.Call call, ScanStart.Scope scope, String registry, String repository,
            String tag, String digest, boolean onDemand, int specificationCount) {
        sim.scans.record(new ScanStart(call.sequence, call.arrival, scope, call.user, call.project, registry,
                repository, tag, digest, onDemand, specificationCount));
        return HttpResponse.empty(200);
    }

    /** GET registry/progress. */
    HttpResponse progress(ConsoleApi.Call call) {
        Map<String, String> query = call.request.queryParameters();
        String onDemand = query.getOrDefault("onDemand", "");
        String repository = query.getOrDefault("repo", "");
        String tag = query.getOrDefault("tag", "");
        String digest = query.getOrDefault("digest", "");
        boolean imageQuery = !repository.isEmpty() || !tag.isEmpty() || !digest.isEmpty();
        if (!"true".equals(onDemand)) {
            if (imageQuery) {
                return ConsoleApi.error(400, "repo, tag and digest are only valid with onDemand=true");
            }
            return HttpResponse.json(200, ConsoleApi.bytes(ConsoleSimulator.MAPPER.createArrayNode()));
        }
        if (repository.isEmpty() || tag.isEmpty() && digest.isEmpty()) {
            return ConsoleApi.error(400, "an on-demand progress query needs repo and a tag or digest");
        }
        String registry = query.get("registry");
        ArrayNode answer = sim.scans.progress(registry, repository, tag, digest, sim.now());
        return HttpResponse.json(200, ConsoleApi.bytes(answer));
    }

    /** GET registry: stored results with the documented filters, paged, with Total-Count. */
    HttpResponse results(ConsoleApi.Call call) {
        long wait = sim.scans.admitRegistryRead(sim.now());
        if (wait > 0) {
            return ConsoleApi.error(429, "too many requests, retry in " + wait + " s")
                    .header("Retry-After", String.valueOf(wait));
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : new String[] {"name", "registry", "repository", "id"}) {
            List<String> values = new ArrayList<>();
            for (String value : call.request.queryValues(name)) {
                for (String part : value.split(",")) {
                    if (!part.isEmpty()) {
                        values.add(part);
                    }
                }
            }
            if (!values.isEmpty()) {
                filters.put(name, values);
            }
        }
        Map<String, String> query = call.request.queryParameters();
        int limit;
        int offset;
        try {
            limit = number(query.get("limit"), DEFAULT_LIMIT);
            offset = number(query.get("offset"), 0);
        } catch (NumberFormatException e) {
            return ConsoleApi.error(400, "limit and offset must be whole numbers");
        }
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        limit = Math.min(limit, MAX_LIMIT);
        boolean compact = "true".equals(query.get("compact"));
        List<ObjectNode> matching = sim.scans.results(filters, sim.now());
        ArrayNode page = ConsoleSimulator.MAPPER.createArrayNode();
        for (int i = Math.max(0, offset); i < matching.size() && page.size() < limit; i++) {
            ObjectNode result = matching.get(i);
            if (compact) {
                result = result.deepCopy();
                result.remove("vulnerabilities");
                result.remove("complianceIssues");
            }
            page.add(result);
        }
        return HttpResponse.json(200, ConsoleApi.bytes(page)).header("Total-Count", String.valueOf(matching.size()));
    }

    private static int number(String value, int absent) {
        return value == null || value.isEmpty() ? absent : Integer.parseInt(value.trim());
    }

    private static String text(ObjectNode object, String name) {
        JsonNode value = ConsoleApi.caseInsensitiveField(object, name);
        return value == null || !value.isTextual() ? "" : value.asText();
    }
}
