package io.github.prismaregistry.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged result of one on-demand scan. {@link #toMap()} is the content of {@code scan-result.json} and of the
 * Jenkins step's return value; it never holds a secret.
 */
public final class ScanResult {

    private final Verdict verdict;
    private final String image;
    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;
    private final Map<Severity, Integer> counts;
    private final List<Vulnerability> counted;
    private final List<LeftOutVulnerability> leftOut;
    private final Instant scanTime;
    private final Instant triggerTime;
    private final String consoleUrl;
    private final String consoleImageLink;
    private final GatePolicy policy;
    private final Map<String, Object> coveringEntry;
    private final Duration duration;
    private final List<Path> reportFiles;

    ScanResult(Builder b) {
        this.image = b.image;
        this.registry = b.registry;
        this.repository = b.repository;
        this.tag = b.tag;
        this.digest = b.digest;
        this.counted = List.copyOf(b.judgement.counted());
        this.leftOut = List.copyOf(b.judgement.leftOut());
        this.verdict = counted.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
        Map<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, 0);
        }
        b.vulnerabilities.forEach(v -> all.merge(v.severity(), 1, Integer::sum));
        this.counts = java.util.Collections.unmodifiableMap(all);
        this.scanTime = b.scanTime;
        this.triggerTime = b.triggerTime;
        this.consoleUrl = b.consoleUrl;
        this.consoleImageLink = b.consoleImageLink;
        this.policy = b.policy;
        this.coveringEntry = b.coveringEntry;
        this.duration = b.duration;
        this.reportFiles = List.copyOf(b.reportFiles);
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** {@code registry/repository:tag} (or {@code @digest}), as the Console names it. */
    public String image() {
        return image;
    }

    public String registry() {
        return registry;
    }

    public String repository() {
        return repository;
    }

    /** The tag scanned, or "" for a scan by digest alone. */
    public String tag() {
        return tag;
    }

    /** The digest asked for or reported, or "". */
    public String digest() {
        return digest;
    }

    /** Every vulnerability found, by normalised severity (all four keys present). */
    public Map<Severity, Integer> counts() {
        return counts;
    }

    /** The vulnerabilities that fail the gate, highest severity first. */
    public List<Vulnerability> counted() {
        return counted;
    }

    /** The vulnerabilities not counted, each with its reason. */
    public List<LeftOutVulnerability> leftOut() {
        return leftOut;
    }

    /** The result's {@code scanTime}, by the Console's clock. */
    public Instant scanTime() {
        return scanTime;
    }

    /** When the scan was triggered, by the Console's clock ({@code Date} of its answer); null if it sent none. */
    public Instant triggerTime() {
        return triggerTime;
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    /** The Console page listing this image's scan results. */
    public String consoleImageLink() {
        return consoleImageLink;
    }

    public GatePolicy policy() {
        return policy;
    }

    /** The settings entry that covers the image. */
    public Map<String, Object> coveringEntry() {
        return coveringEntry;
    }

    /** From the first request to the judged result. */
    public Duration duration() {
        return duration;
    }

    /** The report files written, in the order json, sarif, junit, summary; empty when none were asked for. */
    public List<Path> reportFiles() {
        return reportFiles;
    }

    /** The counted vulnerabilities' IDs, at most {@code n}, highest severity and CVSS first. */
    public List<String> topOffenders(int n) {
        List<String> ids = new ArrayList<>();
        for (Vulnerability v : counted) {
            if (ids.size() >= n) {
                break;
            }
            ids.add(v.cve() + " (" + v.severity().label() + (v.cvss() == null ? "" : " " + v.cvss()) + ", "
                    + v.packageName() + " " + v.packageVersion() + ")");
        }
        return ids;
    }

    /**
     * What a front end fails the build with when the gate failed: the image, how many vulnerabilities fail the policy,
     * the worst {@code shown} of them and how many more; {@code null} when the gate passed.
     */
    public String gateFailureMessage(int shown) {
        if (passed()) {
            return null;
        }
        List<String> offenders = topOffenders(shown);
        int more = counted.size() - offenders.size();
        return "Prisma scan gate FAILED for " + image + ": " + counted.size()
                + (counted.size() == 1 ? " vulnerability fails" : " vulnerabilities fail")
                + " the policy (" + policy + "): " + String.join("; ", offenders)
                + (more > 0 ? "; and " + more + " more" : "");
    }

    /** JSON-friendly, ordered: the content of {@code scan-result.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("operation", "scan");
        map.put("image", image);
        map.put("registry", registry);
        map.put("repository", repository);
        map.put("tag", tag);
        map.put("digest", digest);
        map.put("verdict", verdict.name());
        Map<String, Object> countMap = new LinkedHashMap<>();
        counts.forEach((severity, n) -> countMap.put(severity.label(), n));
        countMap.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        map.put("counts", countMap);
        map.put("countedTotal", counted.size());
        map.put("scanTime", scanTime == null ? null : scanTime.toString());
        map.put("triggerTime", triggerTime == null ? null : triggerTime.toString());
        map.put("consoleUrl", consoleUrl);
        map.put("consoleImageLink", consoleImageLink);
        Map<String, Object> policyMap = new LinkedHashMap<>();
        policyMap.put("failOnSeverity", policy.failOnSeverity().label());
        policyMap.put("ignoreUnfixed", policy.ignoreUnfixed());
        policyMap.put("ignoredVulnerabilities", new ArrayList<>(policy.ignoredVulnerabilities()));
        policyMap.put("failOnConsoleBlock", policy.failOnConsoleBlock());
        map.put("policy", policyMap);
        map.put("coveringEntry", coveringEntry);
        List<Object> countedList = new ArrayList<>();
        counted.forEach(v -> countedList.add(v.toMap()));
        map.put("counted", countedList);
        List<Object> leftOutList = new ArrayList<>();
        leftOut.forEach(v -> leftOutList.add(v.toMap()));
        map.put("leftOut", leftOutList);
        map.put("durationMillis", duration == null ? null : duration.toMillis());
        List<Object> files = new ArrayList<>();
        reportFiles.forEach(f -> files.add(f.toString()));
        map.put("reportFiles", files);
        return map;
    }

    /** A short table for build logs. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Prisma scan " + verdict + ": " + image + (scanTime == null ? "" : " (scanned " + scanTime + ")"));
        lines.add(String.format("  %-9s %5s", "severity", "found"));
        for (Severity s : Severity.values()) {
            lines.add(String.format("  %-9s %5d", s.label(), counts.get(s)));
        }
        lines.add("  counted under " + policy + ": " + counted.size() + ", left out: " + leftOut.size());
        for (String offender : topOffenders(10)) {
            lines.add("  FAIL " + offender);
        }
        if (consoleImageLink != null) {
            lines.add("  console: " + consoleImageLink);
        }
        return lines;
    }

    @Override
    public String toString() {
        return "ScanResult[" + verdict + " " + image + ", counted " + counted.size() + ", left out " + leftOut.size() + "]";
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        String image;
        String registry;
        String repository;
        String tag;
        String digest;
        List<Vulnerability> vulnerabilities = List.of();
        GatePolicy.Judgement judgement = new GatePolicy.Judgement(List.of(), List.of());
        Instant scanTime;
        Instant triggerTime;
        String consoleUrl;
        String consoleImageLink;
        GatePolicy policy = GatePolicy.DEFAULT;
        Map<String, Object> coveringEntry;
        Duration duration;
        List<Path> reportFiles = List.of();

        ScanResult build() {
            return new ScanResult(this);
        }
    }
}
