package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The scan side of the simulated console: the images its registries hold, the on-demand scans running, the stored
 * scan results and the record of every scan a request started. Scans finish lazily: whoever looks at the state
 * first after a scan's end time completes it, so no timer thread is needed and the simulator's clock decides.
 *
 * <p>All state is guarded by {@code this}.
 */
final class ScanCatalogue {

    static final Duration DEFAULT_SCAN_DURATION = Duration.ofMillis(100);

    /** What POST registry/scan does with an image no registry specification covers. */
    enum Uncovered {
        /** 400, as a console that checks the scope would. */
        REJECT,
        /** 200, and the scan never starts (no progress, no result). */
        ACCEPT_AND_IGNORE
    }

    /** A scan in progress, or finished but not yet reported by progress. */
    private static final class Job {
        final String key;
        final CatalogueImage image;
        final String registry;
        final String repository;
        final String tag;
        final String digest;
        final Instant start;
        /** Null: never finishes. */
        final Instant end;
        boolean finished;
        String error;

        Job(String key, CatalogueImage image, String registry, String repository, String tag, String digest,
                Instant start, Instant end) {
            this.key = key;
            this.image = image;
            this.registry = registry;
            this.repository = repository;
            this.tag = tag;
            this.digest = digest;
            this.start = start;
            this.end = end;
        }
    }

    private final Map<String, CatalogueImage> images = new LinkedHashMap<>();
    private final Map<String, ObjectNode> results = new LinkedHashMap<>();
    private final Map<String, Instant> firstScans = new LinkedHashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<ScanStart> starts = new ArrayList<>();
    private final ArrayDeque<Instant> registryReads = new ArrayDeque<>();
    private long nextScanId = 1;
    private Uncovered uncovered;
    private Duration defaultScanDuration;
    private int rateLimitRequests;
    private Duration rateLimitWindow;

    private final Uncovered initialUncovered;
    private final Duration initialScanDuration;
    private final int initialRateLimitRequests;
    private final Duration initialRateLimitWindow;

    ScanCatalogue(Uncovered uncovered, Duration defaultScanDuration, int rateLimitRequests, Duration rateLimitWindow) {
        this.initialUncovered = uncovered;
        this.initialScanDuration = defaultScanDuration;
        this.initialRateLimitRequests = rateLimitRequests;
        this.initialRateLimitWindow = rateLimitWindow;
        clear();
    }

    // ---- configuration and test controls -----------------------------------------------------------------------

    synchronized void uncovered(Uncovered value) {
        this.uncovered = value;
    }

    synchronized Uncovered uncovered() {
        return uncovered;
    }

    synchronized void defaultScanDuration(Duration duration) {
        this.defaultScanDuration = duration;
    }

    /** At most {@code requests} GET registry per {@code window}; 0 turns the limit off. */
    synchronized void rateLimit(int requests, Duration window) {
        this.rateLimitRequests = requests;
        this.rateLimitWindow = window;
        registryReads.clear();
    }

    synchronized void put(CatalogueImage image) {
        images.put(key(image.registry, image.repository, image.tag), image);
    }

    synchronized List<CatalogueImage> images() {
        return new ArrayList<>(images.values());
    }

    synchronized void clearImages() {
        images.clear();
    }

    /** Stores a finished result of the image as it is now, with this scan time, replacing any earlier one. */
    synchronized void storeResult(CatalogueImage image, Instant scanTime) {
        String key = key(image.registry, image.repository, image.tag);
        results.put(key, result(image, image.scanError, scanTime));
    }

    synchronized List<ScanStart> starts() {
        return new ArrayList<>(starts);
    }

    synchronized void clearStarts() {
        starts.clear();
    }

    synchronized void record(ScanStart start) {
        starts.add(start);
    }

    /** Back to the state it was built with: no images, scans, results or record; the configured options. */
    synchronized void clear() {
        uncovered = initialUncovered;
        defaultScanDuration = initialScanDuration;
        rateLimitRequests = initialRateLimitRequests;
        rateLimitWindow = initialRateLimitWindow;
        images.clear();
        results.clear();
        firstScans.clear();
        jobs.clear();
        starts.clear();
        registryReads.clear();
    }

    // ---- the console's behaviour -------------------------------------------------------------------------------

    /** The image a scan request names: by registry, repository and tag, or by digest when no tag is given. */
    synchronized CatalogueImage find(String registry, String repository, String tag, String digest) {
        for (CatalogueImage image : images.values()) {
            if (sameRegistry(image.registry, registry) && image.repository.equals(repository)
                    && (tag.isEmpty() ? image.digest.equals(digest) : image.tag.equals(tag))) {
                return image;
            }
        }
        return null;
    }

    /**
     * Starts an on-demand scan at {@code now}. A scan of an image the registries do not hold ends with an error, as
     * the console's would when the pull fails.
     */
    synchronized void startScan(CatalogueImage image, String registry, String repository, String tag, String digest,
            Instant now) {
        settle(now);
        String key = image == null ? key(registry, repository, tag.isEmpty() ? digest : tag)
                : key(image.registry, image.repository, image.tag);
        jobs.removeIf(job -> job.key.equals(key));
        Instant end;
        if (image == null) {
            end = now.plus(defaultScanDuration);
        } else if (image.neverFinishes) {
            end = null;
        } else {
            end = now.plus(image.scanDuration != null ? image.scanDuration : defaultScanDuration);
        }
        jobs.add(new Job(key, image, registry, repository, tag, digest, now, end));
    }

    /** The progress answer for one on-demand scan: ongoing, finished (once), or nothing. */
    synchronized ArrayNode progress(String registry, String repository, String tag, String digest, Instant now) {
        settle(now);
        ArrayNode answer = ConsoleSimulator.MAPPER.createArrayNode();
        Iterator<Job> iterator = jobs.iterator();
        while (iterator.hasNext()) {
            Job job = iterator.next();
            boolean matches = (registry == null || sameRegistry(job.registry, registry))
                    && job.repository.equals(repository)
                    && (!tag.isEmpty() ? tag.equals(job.tag) || job.image != null && tag.equals(job.image.tag)
                    : digest.equals(job.digest) || job.image != null && digest.equals(job.image.digest));
            if (!matches) {
                continue;
            }
            if (job.image != null && !job.image.reportsProgress) {
                if (job.finished) {
                    iterator.remove();
                }
                continue;
            }
            answer.add(progressRecord(job));
            if (job.finished) {
                iterator.remove(); // reported once; the next answer is []
            }
        }
        return answer;
    }

    /** Stored results, newest scan first, that pass every filter. */
    synchronized List<ObjectNode> results(Map<String, List<String>> filters, Instant now) {
        settle(now);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode result : results.values()) {
            if (passes(result, filters)) {
                matching.add(result);
            }
        }
        matching.sort((a, b) -> b.path("scanTime").asText().compareTo(a.path("scanTime").asText()));
        return matching;
    }

    /** Zero when a GET registry may proceed now, else the seconds to wait (the 429's Retry-After). */
    synchronized long admitRegistryRead(Instant now) {
        if (rateLimitRequests <= 0) {
            return 0;
        }
        Instant windowStart = now.minus(rateLimitWindow);
        while (!registryReads.isEmpty() && !registryReads.peekFirst().isAfter(windowStart)) {
            registryReads.pollFirst();
        }
        if (registryReads.size() < rateLimitRequests) {
            registryReads.addLast(now);
            return 0;
        }
        long millis = Duration.between(now, registryReads.peekFirst().plus(rateLimitWindow)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Completes every scan whose end time has come. */
    private void settle(Instant now) {
        for (Job job : jobs) {
            if (job.finished || job.end == null || job.end.isAfter(now)) {
                continue;
            }
            job.finished = true;
            if (job.image == null) {
                job.error = "failed to pull image " + displayRegistry(job.registry) + "/" + job.repository
                        + (job.tag.isEmpty() ? "@" + job.digest : ":" + job.tag) + ": manifest unknown";
                continue;
            }
            job.error = job.image.scanError;
            results.put(job.key, result(job.image, job.error, job.end));
        }
    }

    private ObjectNode progressRecord(Job job) {
        ObjectNode record = ConsoleSimulator.MAPPER.createObjectNode();
        ObjectNode discovery = record.putObject("discovery");
        discovery.put("discovery", true);
        discovery.put("onDemand", true);
        discovery.put("title", "Step 1/2 discovering tags");
        discovery.put("total", 1);
        discovery.put("scanned", 1);
        discovery.put("type", "registry");
        ObjectNode imageScan = record.putObject("imageScan");
        imageScan.put("discovery", false);
        imageScan.put("onDemand", true);
        imageScan.put("title", "Step 2/2 scanning images");
        imageScan.put("total", 1);
        imageScan.put("scanned", job.finished ? 1 : 0);
        imageScan.put("type", "registry");
        if (job.error != null) {
            imageScan.put("error", job.error);
        }
        record.put("isScanOngoing", !job.finished);
        record.put("specScanStartTime", job.start.toString());
        return record;
    }

    private ObjectNode result(CatalogueImage image, String error, Instant scanTime) {
        String key = key(image.registry, image.repository, image.tag);
        Instant first = firstScans.computeIfAbsent(key, k -> scanTime);
        String imageId = CatalogueImage.derivedDigest("config:" + image.digest);
        String host = displayRegistry(image.registry);
        ObjectNode result = ConsoleSimulator.MAPPER.createObjectNode();
        result.put("_id", imageId);
        result.put("id", imageId);
        result.put("type", "image");
        result.put("hostname", "");
        result.put("scanTime", scanTime.toString());
        result.put("firstScanTime", (first.isAfter(scanTime) ? scanTime : first).toString());
        result.put("scanID", nextScanId++);
        ObjectNode repoTag = result.putObject("repoTag");
        repoTag.put("registry", host);
        repoTag.put("repo", image.repository);
        repoTag.put("tag", image.tag);
        repoTag.put("digest", image.digest);
        ObjectNode tag = result.putArray("tags").addObject();
        tag.put("registry", host);
        tag.put("repo", image.repository);
        tag.put("tag", image.tag);
        result.putArray("repoDigests").add((host.isEmpty() ? "" : host + "/") + image.repository + "@" + image.digest);
        result.put("osDistro", "debian");
        result.put("distro", "Debian GNU/Linux 12 (bookworm)");
        ObjectNode distribution = result.putObject("vulnerabilityDistribution");
        int critical = 0;
        int high = 0;
        int medium = 0;
        int low = 0;
        List<ObjectNode> found = error == null ? image.vulnerabilities : List.of();
        for (ObjectNode vulnerability : found) {
            switch (vulnerability.path("severity").asText("").toLowerCase(Locale.ROOT)) {
                case "critical":
                    critical++;
                    break;
                case "high":
                case "important":
                    high++;
                    break;
                case "medium":
                case "moderate":
                    medium++;
                    break;
                default:
                    low++;
                    break;
            }
        }
        distribution.put("critical", critical);
        distribution.put("high", high);
        distribution.put("medium", medium);
        distribution.put("low", low);
        distribution.put("total", found.size());
        result.put("vulnerabilitiesCount", found.size());
        if (found.isEmpty()) {
            result.putNull("vulnerabilities");
        } else {
            ArrayNode array = result.putArray("vulnerabilities");
            found.forEach(array::add);
        }
        result.put("complianceIssuesCount", 0);
        result.putNull("complianceIssues");
        result.put("err", error == null ? "" : error);
        return result;
    }

    private static boolean passes(ObjectNode result, Map<String, List<String>> filters) {
        JsonNode repoTag = result.path("repoTag");
        String name = fullName(repoTag.path("registry").asText(""), repoTag.path("repo").asText(""),
                repoTag.path("tag").asText("")).toLowerCase(Locale.ROOT);
        List<String> names = filters.get("name");
        if (names != null && names.stream().noneMatch(n -> name.contains(n.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        List<String> registries = filters.get("registry");
        if (registries != null
                && registries.stream().noneMatch(r -> sameRegistry(r, repoTag.path("registry").asText("")))) {
            return false;
        }
        List<String> repositories = filters.get("repository");
        if (repositories != null && !repositories.contains(repoTag.path("repo").asText(""))) {
            return false;
        }
        List<String> ids = filters.get("id");
        return ids == null || ids.contains(result.path("_id").asText(""));
    }

    // ---- names and coverage ------------------------------------------------------------------------------------

    /** True when a registry specification of this list covers the image (registry, repository and tag patterns). */
    static boolean covered(List<ObjectNode> specifications, String registry, String repository, String tag) {
        for (ObjectNode specification : specifications) {
            if (covers(specification, registry, repository, tag)) {
                return true;
            }
        }
        return false;
    }

    static boolean covers(ObjectNode specification, String registry, String repository, String tag) {
        return sameRegistry(specification.path("registry").asText(""), registry)
                && patternMatches(specification.path("repository").asText(""), repository)
                && (tag.isEmpty() || patternMatches(specification.path("tag").asText(""), tag));
    }

    private static boolean patternMatches(String pattern, String value) {
        if (pattern.isEmpty() || pattern.equals("*") || pattern.equals(value)) {
            return true;
        }
        if (!pattern.contains("*")) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.matches(regex.toString(), value);
    }

    static boolean sameRegistry(String a, String b) {
        return normalisedRegistry(a).equals(normalisedRegistry(b));
    }

    private static String normalisedRegistry(String registry) {
        String host = displayRegistry(registry).toLowerCase(Locale.ROOT);
        return host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io")
                ? "" : host;
    }

    /** The registry without scheme or trailing slash, as the console shows it in image names. */
    static String displayRegistry(String registry) {
        String host = registry == null ? "" : registry.trim();
        if (host.regionMatches(true, 0, "https://", 0, 8)) {
            host = host.substring(8);
        } else if (host.regionMatches(true, 0, "http://", 0, 7)) {
            host = host.substring(7);
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    private static String fullName(String registry, String repository, String tag) {
        String host = displayRegistry(registry);
        return (host.isEmpty() ? "" : host + "/") + repository + ":" + tag;
    }

    private static String key(String registry, String repository, String tagOrDigest) {
        return normalisedRegistry(registry) + "\n" + repository + "\n" + tagOrDigest;
    }
}
