package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleRejectedException;
import io.github.prismaregistry.api.ConsoleResponseException;
import io.github.prismaregistry.api.ConsoleUnreachableException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryLog;
import io.github.prismaregistry.console.ConsoleClient;
import io.github.prismaregistry.console.RegistryScanClient;
import io.github.prismaregistry.console.Timing;
import io.github.prismaregistry.engine.RegistrationEngine;
import io.github.prismaregistry.merge.Plan;
import io.github.prismaregistry.merge.Planner;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.settings.RegistrySettings;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Has the Console scan one image on demand and gates on that very scan's result.
 * <pre>
 * try (ImageScanner scanner = ImageScanner.builder(connection).log(log).build()) {
 *     ScanResult result = scanner.scan(ScanRequest.builder().image("registry.example.com/team/app:1.4.2")
 *             .policy(GatePolicy.builder().failOnSeverity(FailOnSeverity.HIGH).build())
 *             .outputDirectory(dir).build());
 *     if (!result.passed()) { ... a policy failure: result.topOffenders(5) ... }
 * }
 * </pre>
 * Steps: the settings must cover the image (else {@link ImageNotCoveredException}, nothing triggered); trigger an
 * on-demand scan and take the Console's {@code Date} of that answer as the trigger time; poll progress (for log lines)
 * and the stored results until one of this image is not older than the trigger time; judge it; write the reports.
 * Anything that keeps it from judging is an exception ({@link ScanTimeoutException}, {@link ScanFailedException},
 * the connection errors of {@code io.github.prismaregistry.api}), never a verdict. Thread-safe.
 */
public final class ImageScanner implements AutoCloseable {

    /** Results asked for per page; the SaaS Console serves at most 50. */
    static final int PAGE_SIZE = 50;
    /** Pages read per look when a scan by digest lists every tag of the repository. */
    static final int MAX_PAGES = 5;
    /** The {@code Date} header counts whole seconds, and the Console may stamp the scan just before it answers. */
    static final Duration DATE_RESOLUTION = Duration.ofSeconds(1);

    private final ConsoleClient client;
    private final RegistryScanClient scans;
    private final RegistryLog log;

    private ImageScanner(ConsoleClient client) {
        this.client = client;
        this.scans = new RegistryScanClient(client);
        this.log = client.log();
    }

    public static Builder builder(ConsoleConnection connection) {
        return new Builder(connection);
    }

    /**
     * Scans and judges; writes the reports when the request has an output directory.
     *
     * @return the judged result: {@link Verdict#PASSED} or {@link Verdict#FAILED}
     * @throws ImageNotCoveredException no settings entry covers the image; register it first
     * @throws ScanTimeoutException     no result of this scan within {@code scanTimeout}
     * @throws ScanFailedException      the Console reported the scan as failed
     * @throws InvalidRequestException  the request is incomplete or wrong (names the parameter)
     * @throws PrismaRegistryException  the Console could not be reached or refused (e.g. no {@code monitorImages})
     */
    public ScanResult scan(ScanRequest request) throws PrismaRegistryException, InterruptedException {
        Objects.requireNonNull(request, "request");
        requirePositive(Parameters.SCAN_TIMEOUT, request.scanTimeout(), request.naming());
        requirePositive(Parameters.POLL_INTERVAL, request.pollInterval(), request.naming());
        ScanTarget target = ScanTarget.resolve(request);
        long startNanos = System.nanoTime();
        Wait wait = new Wait(target, request, startNanos);

        RegistrySettings settings = client.readSettings();
        Plan plan = Planner.planRegister(settings, target.desired(), false);
        if (plan.kind() != Plan.Kind.ALREADY_COVERED) {
            throw new ImageNotCoveredException("No registry scan entry on " + client.url() + " covers "
                    + target.displayName() + " (" + settings.size() + " entries read), so the Console would not scan it."
                    + " Nothing was triggered. Register it first with the same image: mvn prisma-registry:register"
                    + " (Maven), prismaRegistryRegister (Jenkins Pipeline) or the freestyle build step, then scan.");
        }
        Map<String, Object> covering = RegistrationEngine.publicMap(settings.entry(plan.index()));
        log.info("Scanning " + target.displayName() + " (covered by [" + plan.index() + "] "
                + RegistrationResult.describe(covering) + ")");

        wait.baseline = wait.lookUp(false).result;
        Instant triggerTime = scans.triggerOnDemandScan(target.registry(), target.repository(), target.tag(),
                target.digest());
        wait.triggerTime = triggerTime;
        if (triggerTime == null) {
            log.warn("The console sent no Date header with its answer to the scan request; a result counts only when "
                    + "it differs from the one stored before the trigger.");
        }
        log.info("Triggered an on-demand scan of " + target.displayName()
                + (triggerTime == null ? "" : " at " + triggerTime + " (console time)"));

        JsonNode stored = wait.untilResult();
        List<Vulnerability> vulnerabilities = vulnerabilities(stored);
        int reported = Math.max(stored.path("vulnerabilitiesCount").asInt(0),
                stored.path("vulnerabilityDistribution").path("total").asInt(0));
        if (vulnerabilities.isEmpty() && reported > 0) {
            // Judging an empty list here would pass an image the Console counts vulnerabilities in.
            throw new ConsoleResponseException(200, "The console reported " + reported + " vulnerabilities in "
                    + target.displayName() + " but sent no list of them, so the gate cannot judge them. Is a proxy"
                    + " shortening the answer, or does the console serve only compact results? Try again.");
        }
        GatePolicy.Judgement judgement = request.policy().judge(vulnerabilities);

        ScanResult.Builder b = ScanResult.builder();
        b.image = target.displayName();
        b.registry = target.registry();
        b.repository = target.repository();
        b.tag = target.tag();
        b.digest = target.digest().isEmpty() ? reportedDigest(stored) : target.digest();
        b.vulnerabilities = vulnerabilities;
        b.judgement = judgement;
        b.scanTime = scanTime(stored);
        b.triggerTime = triggerTime;
        b.consoleUrl = client.url().toString();
        b.consoleImageLink = client.url() + "/#!/monitor/vulnerabilities/images/registries?search="
                + URLEncoder.encode(target.nameFilter(), StandardCharsets.UTF_8).replace("+", "%20");
        b.policy = request.policy();
        b.coveringEntry = covering;
        b.duration = Duration.ofNanos(System.nanoTime() - startNanos);
        Path output = request.outputDirectory();
        if (output != null) {
            b.reportFiles = ScanReports.files(output);
        }
        ScanResult result = b.build();
        if (output != null) {
            try {
                ScanReports.write(result, output);
            } catch (IOException e) {
                throw new PrismaRegistryException("The scan of " + target.displayName() + " ended " + result.verdict()
                        + ", but its reports could not be written to " + output + ": " + e.getMessage()
                        + ". Check that outputDirectory is writable.", e);
            }
        }
        for (String line : result.summaryLines()) {
            if (result.passed()) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
        return result;
    }

    /** The polling state of one scan. */
    private final class Wait {
        final ScanTarget target;
        final ScanRequest request;
        final long deadlineNanos;
        Instant triggerTime;
        JsonNode baseline;
        String lastSeen = "nothing yet";
        String lastProgressLine;
        boolean progressFinished;

        Wait(ScanTarget target, ScanRequest request, long startNanos) {
            this.target = target;
            this.request = request;
            this.deadlineNanos = startNanos + request.scanTimeout().toNanos();
        }

        JsonNode untilResult() throws PrismaRegistryException, InterruptedException {
            while (true) {
                Duration pause = request.pollInterval();
                try {
                    boolean ongoing = false;
                    RegistryScanClient.Answer progress = null;
                    if (!progressFinished) {
                        try {
                            progress = scans.progress(target.registry(), target.repository(), target.tag(),
                                    target.digest());
                        } catch (ConsoleRejectedException e) {
                            // Progress only feeds the log; a console that refuses it still stores the result.
                            log.warn("The console refused the progress query (" + e.getMessage() + "); waiting for the"
                                    + " result without progress lines.");
                            progressFinished = true;
                        }
                        if (progress != null && !progress.rateLimited()) {
                            ongoing = readProgress(progress.body());
                        }
                    }
                    if (progress != null && progress.rateLimited()) {
                        pause = slowDown(progress.retryAfter());
                    } else if (!ongoing) {
                        Lookup lookup = lookUp(true);
                        if (lookup.result != null) {
                            return lookup.result;
                        }
                        if (lookup.retryAfter != null) {
                            pause = slowDown(lookup.retryAfter);
                        }
                    }
                } catch (ConsoleUnreachableException | ConsoleResponseException e) {
                    // A dropped look is not the end of the wait: the scan goes on at the Console.
                    lastSeen = "the console did not answer a look (" + e.getMessage() + ")";
                    log.warn("Could not look at the scan's state this time; trying again: " + e.getMessage());
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    throw timeout();
                }
                sleep(Math.min(pause.toNanos(), left));
            }
        }

        /** True while the Console reports the scan as running; throws when it reports it failed. */
        boolean readProgress(JsonNode records) throws ScanFailedException {
            if (records == null || !records.isArray() || records.isEmpty()) {
                // [] means "finished or never started", never "passed": the stored result decides.
                return false;
            }
            boolean ongoing = false;
            for (JsonNode record : records) {
                JsonNode step = record.path("imageScan").isObject() ? record.path("imageScan") : record.path("discovery");
                String error = step.path("error").asText("");
                if (error.isEmpty()) {
                    error = record.path("discovery").path("error").asText("");
                }
                boolean running = record.path("isScanOngoing").asBoolean(false);
                if (!running && !error.isEmpty()) {
                    String words = scans.redact(error);
                    throw new ScanFailedException(words, "The Console's on-demand scan of " + target.displayName()
                            + " failed: " + words + ". Check the registry credentials and that a Defender can scan it"
                            + " (Monitor > Vulnerabilities > Images > Registries), then run the scan again.");
                }
                String title = step.path("title").asText("");
                String line = (title.isEmpty() ? (running ? "scanning" : "finished") : title)
                        + (step.has("total") ? " (" + step.path("scanned").asInt() + "/" + step.path("total").asInt() + ")" : "")
                        + (running ? "" : ", finished");
                lastSeen = "progress: " + line;
                if (!line.equals(lastProgressLine)) {
                    log.info("Scan of " + target.displayName() + ": " + line);
                    lastProgressLine = line;
                }
                ongoing |= running;
                if (!running) {
                    progressFinished = true; // reported once; the result decides from here on
                }
            }
            return ongoing;
        }

        /** The stored result of our image: with {@code freshOnly}, only one from the triggered scan. */
        Lookup lookUp(boolean freshOnly) throws PrismaRegistryException, InterruptedException {
            JsonNode newest = null;
            boolean tagMoved = false;
            int offset = 0;
            for (int page = 0; page < MAX_PAGES; page++) {
                RegistryScanClient.Answer answer = target.tag().isEmpty()
                        ? scans.resultsOfRepository(target.registry(), target.repository(), PAGE_SIZE, offset)
                        : scans.results(target.nameFilter(), PAGE_SIZE, offset);
                if (answer.rateLimited()) {
                    lastSeen = "HTTP 429 from GET registry (Retry-After " + answer.retryAfter().toSeconds() + " s)";
                    return new Lookup(null, answer.retryAfter());
                }
                JsonNode results = answer.body();
                int count = results != null && results.isArray() ? results.size() : 0;
                for (int i = 0; i < count; i++) {
                    JsonNode candidate = results.get(i);
                    ScanTarget.Match match = target.match(candidate);
                    if (match == ScanTarget.Match.TAG_MOVED) {
                        tagMoved = true;
                    }
                    if (match != ScanTarget.Match.OURS) {
                        continue;
                    }
                    if (!freshOnly) {
                        return new Lookup(candidate, null);
                    }
                    if (isFresh(candidate)) {
                        String error = candidate.path("err").asText("");
                        if (!error.isEmpty()) {
                            String words = scans.redact(error);
                            throw new ScanFailedException(words, "The Console scanned " + target.displayName()
                                    + " but reported an error instead of a result: " + words + ". Check the registry"
                                    + " credentials and that a Defender can scan it, then run the scan again.");
                        }
                        return new Lookup(candidate, null);
                    }
                    if (newest == null || compareScanTime(candidate, newest) > 0) {
                        newest = candidate;
                    }
                }
                offset += count;
                boolean more = answer.totalCount() > offset || answer.totalCount() < 0 && count == PAGE_SIZE;
                if (count == 0 || !more) {
                    break;
                }
            }
            if (freshOnly) {
                lastSeen = newest != null
                        ? "only a result from " + newest.path("scanTime").asText("?") + ", older than the trigger at "
                                + (triggerTime == null ? "?" : triggerTime)
                        : tagMoved ? "results of " + target.displayName() + " for another digest than " + target.digest()
                        : "no stored result of " + target.displayName() + " yet" + (progressFinished
                                ? " (the Console reported the scan finished)" : "");
            }
            return new Lookup(null, null);
        }

        /** Not older than the trigger (allowing for the Date header's whole seconds), and not the result from before. */
        boolean isFresh(JsonNode candidate) {
            Instant scanned = scanTime(candidate);
            if (scanned == null) {
                return false;
            }
            if (triggerTime != null && scanned.isBefore(triggerTime.minus(DATE_RESOLUTION))) {
                return false;
            }
            if (baseline != null) {
                Instant before = scanTime(baseline);
                boolean sameScan = Objects.equals(baseline.path("scanID").asText(null), candidate.path("scanID").asText(null));
                if (before != null && !scanned.isAfter(before) && sameScan) {
                    return false;
                }
            }
            return true;
        }

        Duration slowDown(Duration retryAfter) {
            Duration pause = retryAfter.compareTo(request.pollInterval()) > 0 ? retryAfter : request.pollInterval();
            log.info("The console asked to slow down (HTTP 429); next look in " + pause.toMillis() + " ms");
            return pause;
        }

        ScanTimeoutException timeout() {
            String when = triggerTime == null ? "" : " triggered at " + triggerTime;
            return new ScanTimeoutException(request.scanTimeout(), lastSeen, "No result of the on-demand scan of "
                    + target.displayName() + when + " arrived within " + request.naming().spell(Parameters.SCAN_TIMEOUT)
                    + " (" + seconds(request.scanTimeout())
                    + "). Last seen: " + lastSeen + ". This is not a policy verdict. The Console may be busy or have no"
                    + " Defender free to scan; raise " + request.naming().spell(Parameters.SCAN_TIMEOUT) + ", or look at Monitor > Vulnerabilities > Images >"
                    + " Registries on the Console.");
        }
    }

    private record Lookup(JsonNode result, Duration retryAfter) {
    }

    static List<Vulnerability> vulnerabilities(JsonNode result) {
        List<Vulnerability> list = new ArrayList<>();
        for (JsonNode v : result.path("vulnerabilities")) {
            String severity = v.path("severity").asText("");
            JsonNode cvss = v.get("cvss");
            list.add(new Vulnerability(v.path("cve").asText(v.path("id").asText("")), Severity.normalise(severity), severity,
                    cvss != null && cvss.isNumber() ? cvss.doubleValue() : null, v.path("packageName").asText(""),
                    v.path("packageVersion").asText(""), v.path("status").asText(""), v.path("link").asText(""),
                    v.path("block").asBoolean(false)));
        }
        list.sort(Comparator.comparing(Vulnerability::severity)
                .thenComparing(v -> v.cvss() == null ? 0.0 : -v.cvss())
                .thenComparing(Vulnerability::cve));
        return list;
    }

    private static String reportedDigest(JsonNode result) {
        String digest = result.path("repoTag").path("digest").asText("");
        if (digest.isEmpty() && result.path("repoDigests").size() > 0) {
            String first = result.path("repoDigests").get(0).asText("");
            digest = first.contains("@") ? first.substring(first.indexOf('@') + 1) : "";
        }
        return digest;
    }

    static Instant scanTime(JsonNode result) {
        String text = result.path("scanTime").asText("");
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static int compareScanTime(JsonNode a, JsonNode b) {
        Instant ta = scanTime(a);
        Instant tb = scanTime(b);
        return ta == null ? (tb == null ? 0 : -1) : tb == null ? 1 : ta.compareTo(tb);
    }

    private static void requirePositive(Parameter<Duration> parameter, Duration d, ParameterNaming naming)
            throws InvalidRequestException {
        if (d == null || d.isNegative() || d.isZero()) {
            throw parameter.invalid(naming, "must be a positive number of seconds, was " + (d == null ? "nothing" : seconds(d)));
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        client.close();
    }

    public static final class Builder {
        private final ConsoleConnection connection;
        private RegistryLog log = RegistryLog.silent();
        private Timing timing = Timing.DEFAULT;

        private Builder(ConsoleConnection connection) {
            this.connection = connection;
        }

        public Builder log(RegistryLog log) {
            this.log = log == null ? RegistryLog.silent() : log;
            return this;
        }

        /** Back-off periods; package-private so only this package's tests can shorten them. */
        Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        /** Checks the connection settings (URL, credentials, timeouts, CA file ...) without contacting the Console. */
        public ImageScanner build() throws InvalidRequestException {
            return new ImageScanner(ConsoleClient.create(connection, log, timing));
        }
    }
}
