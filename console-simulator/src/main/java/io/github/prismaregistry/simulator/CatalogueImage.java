package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An image the simulated registries hold, for {@link ConsoleSimulator#addImage(CatalogueImage)}: what a scan of it
 * finds and how the scan behaves.
 *
 * <pre>{@code
 * sim.addImage(CatalogueImage.of("registry.example.com", "shop/checkout", "1.4.2")
 *         .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
 *                 "fixed in 5.6.2"))
 *         .scanDuration(Duration.ofMillis(300)));
 * }</pre>
 *
 * <p>Immutable; every method returns a new image. Two images are the same catalogue entry when registry, repository
 * and tag are equal (registry compared without scheme, trailing slash or case).
 */
public final class CatalogueImage {

    final String registry;
    final String repository;
    final String tag;
    final String digest;
    final List<ObjectNode> vulnerabilities;
    /** Null: the simulator's default scan duration. */
    final Duration scanDuration;
    final boolean neverFinishes;
    final String scanError;
    final boolean reportsProgress;

    private CatalogueImage(String registry, String repository, String tag, String digest,
            List<ObjectNode> vulnerabilities, Duration scanDuration, boolean neverFinishes, String scanError,
            boolean reportsProgress) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
        this.vulnerabilities = vulnerabilities;
        this.scanDuration = scanDuration;
        this.neverFinishes = neverFinishes;
        this.scanError = scanError;
        this.reportsProgress = reportsProgress;
    }

    /**
     * A clean image (no vulnerabilities) whose digest is derived from its name. The registry is written as in the
     * settings ({@code registry.example.com}; {@code docker.io} or "" for Docker Hub).
     */
    public static CatalogueImage of(String registry, String repository, String tag) {
        Objects.requireNonNull(registry, "registry");
        if (repository == null || repository.isEmpty()) {
            throw new IllegalArgumentException("an image needs a repository");
        }
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("an image needs a tag");
        }
        return new CatalogueImage(registry, repository, tag, derivedDigest(registry + "/" + repository + ":" + tag),
                List.of(), null, false, null, true);
    }

    /** The manifest digest, {@code sha256:} followed by 64 hex digits. */
    public CatalogueImage digest(String newDigest) {
        if (newDigest == null || !newDigest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a digest looks like sha256:<64 hex digits>, was " + newDigest);
        }
        return new CatalogueImage(registry, repository, tag, newDigest, vulnerabilities, scanDuration, neverFinishes,
                scanError, reportsProgress);
    }

    /** Adds one vulnerability object, sent in scan results as given (see {@link #vulnerability}). */
    public CatalogueImage withVulnerability(ObjectNode vulnerability) {
        Objects.requireNonNull(vulnerability, "vulnerability");
        List<ObjectNode> next = new ArrayList<>(vulnerabilities);
        next.add(ConsoleSimulator.normalised(vulnerability));
        return new CatalogueImage(registry, repository, tag, digest, List.copyOf(next), scanDuration, neverFinishes,
                scanError, reportsProgress);
    }

    /** Replaces the vulnerabilities with these objects. */
    public CatalogueImage withVulnerabilities(List<? extends JsonNode> newVulnerabilities) {
        List<ObjectNode> next = new ArrayList<>();
        for (JsonNode vulnerability : newVulnerabilities) {
            if (vulnerability == null || !vulnerability.isObject()) {
                throw new IllegalArgumentException("every vulnerability must be a JSON object, got " + vulnerability);
            }
            next.add(ConsoleSimulator.normalised((ObjectNode) vulnerability));
        }
        return new CatalogueImage(registry, repository, tag, digest, List.copyOf(next), scanDuration, neverFinishes,
                scanError, reportsProgress);
    }

    /** How long an on-demand scan of this image takes (default: the simulator's, 100 ms unless configured). */
    public CatalogueImage scanDuration(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("scan duration must not be negative, was " + duration);
        }
        return new CatalogueImage(registry, repository, tag, digest, vulnerabilities, duration, false, scanError,
                reportsProgress);
    }

    /** Scans of this image start and report progress but never finish. */
    public CatalogueImage neverFinishes() {
        return new CatalogueImage(registry, repository, tag, digest, vulnerabilities, scanDuration, true, scanError,
                reportsProgress);
    }

    /** Scans of this image end with this error (in the progress record and the result's {@code err}). */
    public CatalogueImage scanError(String message) {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("a scan error needs a message");
        }
        return new CatalogueImage(registry, repository, tag, digest, vulnerabilities, scanDuration, neverFinishes,
                message, reportsProgress);
    }

    /** Progress of scans of this image always answers {@code []}, as some consoles do; the result still arrives. */
    public CatalogueImage withoutProgress() {
        return new CatalogueImage(registry, repository, tag, digest, vulnerabilities, scanDuration, neverFinishes,
                scanError, false);
    }

    public String registry() {
        return registry;
    }

    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    public String digest() {
        return digest;
    }

    /** Copies of the vulnerability objects. */
    public List<ObjectNode> vulnerabilities() {
        List<ObjectNode> copies = new ArrayList<>(vulnerabilities.size());
        vulnerabilities.forEach(vulnerability -> copies.add(vulnerability.deepCopy()));
        return copies;
    }

    /** {@code registry/repository:tag}, as the console names the image ({@code repository:tag} for Docker Hub). */
    public String fullName() {
        String host = ScanCatalogue.displayRegistry(registry);
        return (host.isEmpty() ? "" : host + "/") + repository + ":" + tag;
    }

    /**
     * A vulnerability as the console reports it. {@code severity} as the distro names it (critical, high, important,
     * medium, moderate, low, negligible, unimportant); {@code status} is the fix state, e.g. {@code "fixed in 1.2.3"},
     * or "" when no fix exists. {@code block} is false; set it on the returned object for a console block rule.
     */
    public static ObjectNode vulnerability(String cve, String severity, double cvss, String packageName,
            String packageVersion, String status) {
        ObjectNode node = ConsoleSimulator.MAPPER.createObjectNode();
        node.put("cve", Objects.requireNonNull(cve, "cve"));
        node.put("severity", Objects.requireNonNull(severity, "severity"));
        node.put("cvss", new BigDecimal(Double.toString(cvss)));
        node.put("status", status == null ? "" : status);
        node.put("packageName", packageName);
        node.put("packageVersion", packageVersion);
        node.put("link", "https://nvd.nist.gov/vuln/detail/" + cve);
        node.put("description", "Simulated vulnerability " + cve + " in " + packageName + ".");
        node.put("fixDate", status == null || status.isEmpty() ? 0 : 1_700_000_000L);
        node.put("block", false);
        node.putNull("gracePeriodDays");
        node.putObject("riskFactors");
        return node;
    }

    /** The admin API's JSON form. */
    ObjectNode toJson() {
        ObjectNode node = ConsoleSimulator.MAPPER.createObjectNode();
        node.put("registry", registry);
        node.put("repository", repository);
        node.put("tag", tag);
        node.put("digest", digest);
        ArrayNode array = node.putArray("vulnerabilities");
        vulnerabilities.forEach(array::add);
        if (scanDuration != null) {
            node.put("scanDurationMillis", scanDuration.toMillis());
        }
        node.put("neverFinishes", neverFinishes);
        if (scanError != null) {
            node.put("scanError", scanError);
        }
        node.put("progress", reportsProgress);
        return node;
    }

    /** Reads the admin API's JSON form; unknown fields are refused so that typos do not pass silently. */
    static CatalogueImage fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an image must be a JSON object with registry, repository and tag");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!List.of("registry", "repository", "tag", "digest", "vulnerabilities", "scanDurationMillis",
                    "neverFinishes", "scanError", "progress").contains(name)) {
                throw new IllegalArgumentException("unknown image field '" + name + "'; known fields: registry,"
                        + " repository, tag, digest, vulnerabilities, scanDurationMillis, neverFinishes, scanError,"
                        + " progress");
            }
        });
        CatalogueImage image = of(node.path("registry").asText(""), node.path("repository").asText(""),
                node.path("tag").asText(""));
        if (node.hasNonNull("digest")) {
            image = image.digest(node.get("digest").asText());
        }
        if (node.hasNonNull("vulnerabilities")) {
            List<JsonNode> list = new ArrayList<>();
            node.get("vulnerabilities").forEach(list::add);
            image = image.withVulnerabilities(list);
        }
        if (node.hasNonNull("scanDurationMillis")) {
            image = image.scanDuration(Duration.ofMillis(node.get("scanDurationMillis").asLong()));
        }
        if (node.path("neverFinishes").asBoolean(false)) {
            image = image.neverFinishes();
        }
        if (node.hasNonNull("scanError")) {
            image = image.scanError(node.get("scanError").asText());
        }
        if (!node.path("progress").asBoolean(true)) {
            image = image.withoutProgress();
        }
        return image;
    }

    static String derivedDigest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CatalogueImage[" + fullName() + ", " + vulnerabilities.size() + " vulnerabilities"
                + (neverFinishes ? ", never finishes" : "") + (scanError != null ? ", scan error" : "") + "]";
    }
}
