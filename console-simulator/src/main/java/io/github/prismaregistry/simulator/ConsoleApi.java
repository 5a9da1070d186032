package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers the console API under {@code <prefix>/api/<version>/}; hands {@code <prefix>/_simulator/} to AdminApi. */
final class ConsoleApi implements SimulatorHttpServer.Handler {

    private static final String REGISTRY = "settings/registry";
    /** Endpoints about the user or the Console itself, answered whatever project is named. */
    private static final java.util.Set<String> PROJECT_FREE = java.util.Set.of("authenticate", "version", "current/projects");
    private static final byte[] NOT_FOUND = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v(\\d{2})\\.(\\d{2})");
    /** IMF-fixdate, as Go's http.TimeFormat writes it. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();
    private static final ConsoleSimulator.Account API_TOKEN_ACCOUNT =
            new ConsoleSimulator.Account(ConsoleSimulator.API_TOKEN_USER, null, true);

    /** Known RegistrySpecification fields (lower case, matched like Go's encoding/json) and their JSON types. */
    private static final Map<String, FieldType> SPEC_FIELDS = new HashMap<>();
    /** The same by exact spelling, the common case, to spare a lower-casing per field. */
    private static final Map<String, FieldType> SPEC_FIELDS_EXACT = new HashMap<>();

    private enum FieldType { STRING, INTEGER, BOOLEAN, STRING_ARRAY, OBJECT }

    static {
        for (String name : new String[] {"caCert", "credentialID", "id", "lastScanStatus", "lastScanTime",
            "namespace", "os", "registry", "repository", "scanError", "scanStatus", "scanTime", "tag", "version",
            "versionPattern"}) {
            knownField(name, FieldType.STRING);
        }
        for (String name : new String[] {"cap", "scanners", "scannedImagesSuccessTotal"}) {
            knownField(name, FieldType.INTEGER);
        }
        knownField("harborDeploymentSecurity", FieldType.BOOLEAN);
        for (String name : new String[] {"collections", "excludedRepositories", "excludedTags", "jfrogRepoTypes"}) {
            knownField(name, FieldType.STRING_ARRAY);
        }
        for (String name : new String[] {"gitlabRegistrySpec", "credential", "azureCloudMetadata"}) {
            knownField(name, FieldType.OBJECT);
        }
    }

    private static void knownField(String name, FieldType type) {
        SPEC_FIELDS.put(name.toLowerCase(Locale.ROOT), type);
        SPEC_FIELDS_EXACT.put(name, type);
    }

    private final ConsoleSimulator sim;
    private final AdminApi admin;
    private final ScanApi scanApi;
    private final String adminRoot;
    private final String apiRoot;

    ConsoleApi(ConsoleSimulator sim) {
        this.sim = sim;
        this.admin = new AdminApi(sim);
        this.scanApi = new ScanApi(sim);
        this.adminRoot = sim.pathPrefix + "/_simulator/";
        this.apiRoot = sim.pathPrefix + "/api/";
    }

    /** What we know about one request while handling it. */
    static final class Call {
        final HttpRequest request;
        final long sequence;
        final Instant arrival;
        String apiVersion;
        String endpoint;
        String project;
        String authScheme;
        String user;

        Call(HttpRequest request, long sequence, Instant arrival) {
            this.request = request;
            this.sequence = sequence;
            this.arrival = arrival;
        }
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws InterruptedException {
        if (request.path.startsWith(adminRoot)) {
            return admin.handle(request, request.path.substring(adminRoot.length()));
        }
        Call call = new Call(request, sim.log.nextSequence(), sim.now());
        if (request.path.startsWith(apiRoot)) {
            String rest = request.path.substring(apiRoot.length());
            int slash = rest.indexOf('/');
            call.apiVersion = slash < 0 ? rest : rest.substring(0, slash);
            call.endpoint = slash < 0 ? "" : rest.substring(slash + 1);
        }
        String project = request.queryParameters().get("project");
        call.project = project == null || project.isEmpty() ? ConsoleSimulator.DEFAULT_PROJECT : project;
        identify(call);

        List<Fault> firing = call.endpoint == null ? Collections.emptyList() : firingFaults(call);
        Fault responder = null;
        long delayMillis = 0;
        for (Fault fault : firing) {
            if (fault.delay != null) {
                delayMillis += fault.delay.toMillis();
            }
            if (responder == null && fault.action != Fault.Action.NONE) {
                responder = fault;
            }
        }
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        for (Fault fault : firing) {
            if (fault.foreignWriteBefore != null) {
                foreignWrite(call, fault.foreignWriteBefore, call.sequence - 1);
            }
        }

        HttpResponse response;
        if (responder != null && responder.action == Fault.Action.RESPOND) {
            response = faultResponse(responder);
        } else if (responder != null && responder.action == Fault.Action.DROP_CONNECTION) {
            response = HttpResponse.empty(0);
            response.delivery = HttpResponse.Delivery.DROP_CONNECTION;
        } else {
            response = dispatch(call);
        }

        for (Fault fault : firing) {
            if (fault.foreignWriteAfter != null) {
                foreignWrite(call, fault.foreignWriteAfter, sim.log.nextSequence());
            }
        }
        if (responder != null && responder.action == Fault.Action.DROP_AFTER_PROCESSING) {
            response.delivery = HttpResponse.Delivery.DROP_CONNECTION;
        } else if (responder != null && responder.action == Fault.Action.TRUNCATE_BODY) {
            response.delivery = HttpResponse.Delivery.TRUNCATE_BODY;
        }
        // The console's own clock, which clients compare scan times against; the simulator's clock may be a test's.
        response.header("Date", HTTP_DATE.format(sim.now().atZone(ZoneOffset.UTC)));
        int recordedStatus = response.delivery == HttpResponse.Delivery.DROP_CONNECTION ? 0 : response.status;
        record(call, recordedStatus);
        return response;
    }

    private List<Fault> firingFaults(Call call) {
        List<Fault> firing = null;
        for (ConsoleSimulator.ActiveFault active : sim.faults) {
            if (!active.fault.matches(call.request.method, call.endpoint)) {
                continue;
            }
            if (active.countAndCheck()) {
                if (firing == null) {
                    firing = new ArrayList<>(2);
                }
                firing.add(active.fault);
            }
            if (active.exhausted()) {
                sim.faults.remove(active);
            }
        }
        return firing == null ? Collections.emptyList() : firing;
    }

    private static HttpResponse faultResponse(Fault fault) {
        String body = fault.body == null ? "" : fault.body;
        String trimmed = body.trim();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        HttpResponse response = new HttpResponse(fault.status, json ? HttpResponse.JSON : HttpResponse.TEXT,
                body.getBytes(StandardCharsets.UTF_8));
        if (fault.retryAfterSeconds != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds));
        }
        return response;
    }

    private HttpResponse dispatch(Call call) {
        if (call.endpoint == null || !versionServed(call.apiVersion)) {
            return notFound();
        }
        String method = call.request.method;
        if (!sim.projects.contains(call.project) && !PROJECT_FREE.contains(call.endpoint)) {
            // The Console's answer to an unknown project is not documented; it never invents an empty list for one.
            HttpResponse denied = authorize(call, null);
            return denied != null ? denied : error(400, "project " + call.project + " does not exist");
        }
        switch (call.endpoint) {
            case "authenticate":
                return "POST".equals(method) ? authenticate(call) : methodNotAllowed();
            case "version": {
                if (!"GET".equals(method)) {
                    return methodNotAllowed();
                }
                HttpResponse denied = authorize(call, null);
                return denied != null ? denied : HttpResponse.json(200, json(sim.consoleVersion));
            }
            case REGISTRY: {
                boolean post = "POST".equals(method);
                if (!post && !"GET".equals(method) && !"PUT".equals(method)) {
                    return methodNotAllowed();
                }
                if (post && sim.refusePost.get()) {
                    return methodNotAllowed();
                }
                HttpResponse denied = authorize(call, ConsoleSimulator.PERMISSION_POLICY_CONTAINERS);
                if (denied != null) {
                    return denied;
                }
                if ("GET".equals(method)) {
                    return HttpResponse.json(200, sim.store.get(call.project).settingsJson());
                }
                return post ? append(call) : replace(call);
            }
            case "current/projects": {
                if (!"GET".equals(method)) {
                    return methodNotAllowed();
                }
                HttpResponse denied = authorize(call, null);
                if (denied != null) {
                    return denied;
                }
                ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
                sim.projects.stream().sorted((a, b) -> a.equals(ConsoleSimulator.DEFAULT_PROJECT) ? -1
                        : b.equals(ConsoleSimulator.DEFAULT_PROJECT) ? 1 : a.compareTo(b)).forEach(name -> {
                            ObjectNode project = array.addObject();
                            project.put("_id", name);
                            project.put("address", sim.url());
                            project.put("connected", true);
                        });
                return HttpResponse.json(200, bytes(array));
            }
            case "credentials": {
                if (!"GET".equals(method)) {
                    return methodNotAllowed();
                }
                HttpResponse denied = authorize(call, ConsoleSimulator.PERMISSION_MANAGE_CREDS);
                if (denied != null) {
                    return denied;
                }
                ArrayNode array = ConsoleSimulator.MAPPER.createArrayNode();
                sim.credentials.forEach(array::add);
                return HttpResponse.json(200, bytes(array));
            }
            case ScanApi.SCAN:
            case ScanApi.PROGRESS:
            case ScanApi.RESULTS: {
                boolean scan = ScanApi.SCAN.equals(call.endpoint);
                if (!method.equals(scan ? "POST" : "GET")) {
                    return methodNotAllowed();
                }
                HttpResponse denied = authorize(call, ConsoleSimulator.PERMISSION_MONITOR_IMAGES);
                if (denied != null) {
                    return denied;
                }
                return scan ? scanApi.scan(call)
                        : ScanApi.PROGRESS.equals(call.endpoint) ? scanApi.progress(call) : scanApi.results(call);
            }
            default:
                return notFound();
        }
    }

    boolean versionServed(String segment) {
        if ("v1".equals(segment)) {
            return true;
        }
        Matcher matcher = VERSION_SEGMENT.matcher(segment);
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        // Consoles serve their own version and, since 33.00, the three majors before it.
        return major >= sim.consoleMajor - 3
                && (major < sim.consoleMajor || (major == sim.consoleMajor && minor <= sim.consoleMinor));
    }

    // ---- authentication ----------------------------------------------------------------------------------------

    /** Fills in who the request claims to be, without judging it (fault responses are recorded with it too). */
    private void identify(Call call) {
        String authorization = call.request.header("Authorization");
        if (authorization == null) {
            return;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            call.authScheme = "Basic";
            String decoded = decodeBasic(credentials);
            if (decoded != null) {
                int colon = decoded.indexOf(':');
                call.user = colon < 0 ? decoded : decoded.substring(0, colon);
            }
        } else if (scheme.equalsIgnoreCase("Bearer")) {
            call.authScheme = "Bearer";
            if (sim.apiToken != null && sim.apiToken.equals(credentials)) {
                call.user = ConsoleSimulator.API_TOKEN_USER;
            } else {
                ConsoleSimulator.IssuedToken token = sim.tokens.get(credentials);
                if (token != null) {
                    call.user = token.account.name;
                }
            }
        } else {
            call.authScheme = scheme;
        }
    }

    private static String decodeBasic(String credentials) {
        try {
            return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Null when the request may proceed, otherwise the 401/403 to send. */
    HttpResponse authorize(Call call, String permission) {
        ConsoleSimulator.Account account = authenticatedAccount(call);
        if (account == null) {
            String authorization = call.request.header("Authorization");
            String reason;
            if (authorization == null) {
                reason = "authentication required";
            } else if ("Bearer".equals(call.authScheme)) {
                reason = "invalid or expired token";
            } else {
                reason = "invalid credentials";
            }
            return error(401, reason);
        }
        if (!account.may(permission)) {
            return error(403, "user " + account.name + " does not have the " + permission + " permission");
        }
        return null;
    }

    private ConsoleSimulator.Account authenticatedAccount(Call call) {
        String authorization = call.request.header("Authorization");
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        if ("Basic".equals(call.authScheme)) {
            String decoded = decodeBasic(credentials);
            int colon = decoded == null ? -1 : decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if ("Bearer".equals(call.authScheme)) {
            if (sim.apiToken != null && MessageDigest.isEqual(sim.apiToken.getBytes(StandardCharsets.UTF_8),
                    credentials.getBytes(StandardCharsets.UTF_8))) {
                return API_TOKEN_ACCOUNT;
            }
            ConsoleSimulator.IssuedToken token = sim.tokens.get(credentials);
            if (token == null) {
                return null;
            }
            if (!sim.now().isBefore(token.expiresAt)) {
                sim.tokens.remove(credentials, token);
                return null;
            }
            return token.account;
        }
        return null;
    }

    private ConsoleSimulator.Account checkPassword(String user, String password) {
        ConsoleSimulator.Account account = sim.accounts.get(user);
        if (account == null || !MessageDigest.isEqual(account.password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return account;
    }

    private HttpResponse authenticate(Call call) {
        JsonNode body;
        try {
            body = parse(call.request.body);
        } catch (IOException e) {
            return error(400, "invalid authentication request: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return error(400, "invalid authentication request: expected a JSON object");
        }
        String user = textField((ObjectNode) body, "username");
        String password = textField((ObjectNode) body, "password");
        call.user = user;
        call.authScheme = null;
        ConsoleSimulator.Account account = user == null || password == null ? null : checkPassword(user, password);
        if (account == null) {
            return error(401, "invalid credentials");
        }
        Instant issued = sim.now();
        Instant expires = issued.plus(sim.tokenLifetime);
        String token = newToken(account, issued, expires);
        sim.tokens.put(token, new ConsoleSimulator.IssuedToken(account, expires));
        sim.loginCount.incrementAndGet();
        ObjectNode response = ConsoleSimulator.MAPPER.createObjectNode();
        response.put("token", token);
        return HttpResponse.json(200, bytes(response));
    }

    /** Go's encoding/json matches keys case-insensitively; so does the console. */
    private static String textField(ObjectNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isTextual() ? exact.asText() : null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().isTextual() ? field.getValue().asText() : null;
            }
        }
        return null;
    }

    private static String newToken(ConsoleSimulator.Account account, Instant issued, Instant expires) {
        // Shaped like the console's JWT; the signature is random, nothing checks it.
        ObjectNode payload = ConsoleSimulator.MAPPER.createObjectNode();
        payload.put("username", account.name);
        payload.put("role", account.permitted ? "admin" : "auditor");
        payload.put("iat", issued.getEpochSecond());
        payload.put("exp", expires.getEpochSecond());
        byte[] nonce = new byte[12];
        byte[] signature = new byte[32];
        RANDOM.nextBytes(nonce);
        RANDOM.nextBytes(signature);
        payload.put("jti", BASE64_URL.encodeToString(nonce));
        return BASE64_URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + BASE64_URL.encodeToString(bytes(payload)) + "." + BASE64_URL.encodeToString(signature);
    }

    // ---- settings/registry writes ------------------------------------------------------------------------------

    private HttpResponse append(Call call) {
        Boolean scanLater = scanLater(call);
        if (scanLater == null) {
            return error(400, "invalid value for scanLater: " + call.request.queryParameters().get("scanLater"));
        }
        JsonNode body;
        try {
            body = parse(call.request.body);
        } catch (IOException e) {
            return error(400, "failed to parse registry specification: " + e.getMessage());
        }
        if (body == null) {
            return error(400, "failed to parse registry specification: empty body");
        }
        if (!body.isObject()) {
            return error(400, "json: cannot unmarshal " + kind(body)
                    + " into Go value of type shared.RegistrySpecification");
        }
        String typeError = typeError((ObjectNode) body);
        if (typeError != null) {
            return error(400, typeError);
        }
        sim.store.lock.lock();
        try {
            int size = sim.store.get(call.project).stored.size();
            if (size >= sim.maxEntries) {
                return error(400, limitMessage(size + 1));
            }
            sim.store.append(call.project, (ObjectNode) body);
            countWrite(call, scanLater, size + 1);
        } finally {
            sim.store.lock.unlock();
        }
        return HttpResponse.empty(200);
    }

    private HttpResponse replace(Call call) {
        Boolean scanLater = scanLater(call);
        if (scanLater == null) {
            return error(400, "invalid value for scanLater: " + call.request.queryParameters().get("scanLater"));
        }
        JsonNode body;
        try {
            body = parse(call.request.body);
        } catch (IOException e) {
            return error(400, "failed to parse registry settings: " + e.getMessage());
        }
        List<ObjectNode> next = new ArrayList<>();
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                return error(400, "json: cannot unmarshal " + kind(body)
                        + " into Go value of type shared.RegistrySettings");
            }
            JsonNode specifications = caseInsensitiveField((ObjectNode) body, "specifications");
            if (specifications != null && !specifications.isNull()) {
                if (!specifications.isArray()) {
                    return error(400, "json: cannot unmarshal " + kind(specifications)
                            + " into Go struct field RegistrySettings.specifications of type"
                            + " []shared.RegistrySpecification");
                }
                for (JsonNode specification : specifications) {
                    if (!specification.isObject()) {
                        return error(400, "json: cannot unmarshal " + kind(specification)
                                + " into Go struct field RegistrySettings.specifications of type"
                                + " shared.RegistrySpecification");
                    }
                    String typeError = typeError((ObjectNode) specification);
                    if (typeError != null) {
                        return error(400, typeError);
                    }
                    next.add((ObjectNode) specification);
                }
            }
        }
        if (next.size() > sim.maxEntries) {
            return error(400, limitMessage(next.size()));
        }
        sim.store.lock.lock();
        try {
            sim.store.replace(call.project, next);
            countWrite(call, scanLater, next.size());
        } finally {
            sim.store.lock.unlock();
        }
        return HttpResponse.empty(200);
    }

    private void countWrite(Call call, boolean scanLater, int listSize) {
        sim.writeCount.incrementAndGet();
        if (!scanLater) {
            sim.scansStarted.incrementAndGet();
            sim.scans.record(new ScanStart(call.sequence, call.arrival, ScanStart.Scope.SETTINGS_WRITE, call.user,
                    call.project, null, null, null, null, false, listSize));
        }
    }

    private String limitMessage(int requested) {
        return "registry specifications limit exceeded: " + requested + " specifications, the maximum is "
                + sim.maxEntries;
    }

    /** TRUE/FALSE, or null when the value is not a boolean as Go's strconv.ParseBool reads it. */
    private static Boolean scanLater(Call call) {
        String value = call.request.queryParameters().get("scanLater");
        if (value == null || value.isEmpty()) {
            return Boolean.FALSE;
        }
        switch (value) {
            case "1": case "t": case "T": case "true": case "TRUE": case "True":
                return Boolean.TRUE;
            case "0": case "f": case "F": case "false": case "FALSE": case "False":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** The error a Go console gives when a known field has the wrong JSON type; null when the types fit. */
    static String typeError(ObjectNode specification) {
        Iterator<Map.Entry<String, JsonNode>> fields = specification.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            FieldType type = SPEC_FIELDS_EXACT.get(field.getKey());
            if (type == null) {
                type = SPEC_FIELDS.get(field.getKey().toLowerCase(Locale.ROOT));
            }
            JsonNode value = field.getValue();
            if (type == null || value.isNull()) {
                continue;
            }
            boolean fits;
            String goType;
            switch (type) {
                case STRING:
                    fits = value.isTextual();
                    goType = "string";
                    break;
                case INTEGER:
                    fits = value.isIntegralNumber() && value.canConvertToLong();
                    goType = "int";
                    break;
                case BOOLEAN:
                    fits = value.isBoolean();
                    goType = "bool";
                    break;
                case STRING_ARRAY:
                    fits = value.isArray();
                    if (fits) {
                        for (JsonNode element : value) {
                            fits &= element.isTextual() || element.isNull();
                        }
                    }
                    goType = "[]string";
                    break;
                default:
                    fits = value.isObject();
                    goType = "struct";
                    break;
            }
            if (!fits) {
                return "json: cannot unmarshal " + kind(value) + " into Go struct field RegistrySpecification."
                        + field.getKey() + " of type " + goType;
            }
        }
        return null;
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.isObject() ? "object" : "null";
    }

    static JsonNode caseInsensitiveField(ObjectNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    // ---- foreign writers ---------------------------------------------------------------------------------------

    private void foreignWrite(Call call, UnaryOperator<List<ObjectNode>> writer, long sequence) {
        List<ObjectNode> written;
        sim.store.lock.lock();
        try {
            List<ObjectNode> current = sim.store.get(call.project).entries;
            List<ObjectNode> working = new ArrayList<>(current.size());
            for (ObjectNode entry : current) {
                working.add(entry.deepCopy());
            }
            List<ObjectNode> result = writer.apply(working);
            written = new ArrayList<>(result == null ? 0 : result.size());
            if (result != null) {
                for (ObjectNode entry : result) {
                    if (entry == null) {
                        throw new IllegalArgumentException("a foreign writer returned a null entry");
                    }
                    // The writer may keep and change its objects later; the stored list must not move with them.
                    written.add(entry.deepCopy());
                }
            }
            sim.store.replace(call.project, written);
        } finally {
            sim.store.lock.unlock();
        }
        ObjectNode settings = ConsoleSimulator.MAPPER.createObjectNode();
        settings.putArray("specifications").addAll(written);
        String version = call.apiVersion != null && versionServed(call.apiVersion) ? call.apiVersion : "v1";
        String query = ConsoleSimulator.DEFAULT_PROJECT.equals(call.project) ? null
                : "project=" + URLEncoder.encode(call.project, StandardCharsets.UTF_8);
        byte[] body = bytes(settings);
        sim.log.add(new RecordedRequest(sequence, sim.now(), "PUT", apiRoot + version + "/" + REGISTRY, query,
                REGISTRY, version, Collections.emptyMap(), body, body.length, 200, null,
                ConsoleSimulator.FOREIGN_WRITER));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void record(Call call, int status) {
        HttpRequest request = call.request;
        sim.log.add(new RecordedRequest(call.sequence, call.arrival, request.method, request.path, request.rawQuery,
                call.endpoint, call.apiVersion, request.headersWithoutCredentials(), request.body,
                request.body.length, status, call.authScheme, call.user));
    }

    /** Parses a JSON body; null for an empty body. */
    static JsonNode parse(byte[] body) throws IOException {
        if (isBlank(body)) {
            return null;
        }
        try {
            return ConsoleSimulator.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    static HttpResponse error(int status, String message) {
        ObjectNode error = ConsoleSimulator.MAPPER.createObjectNode();
        error.put("err", message);
        return HttpResponse.json(status, bytes(error));
    }

    private static HttpResponse notFound() {
        return new HttpResponse(404, HttpResponse.TEXT, NOT_FOUND);
    }

    private static HttpResponse methodNotAllowed() {
        return HttpResponse.empty(405);
    }

    static byte[] json(String text) {
        return bytes(ConsoleSimulator.MAPPER.getNodeFactory().textNode(text));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return ConsoleSimulator.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
