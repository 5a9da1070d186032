package io.github.prismaregistry.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a scan result fail the gate. Each vulnerability is judged by the first rule that applies:
 * <ol>
 *   <li>its CVE is in {@code ignoredVulnerabilities}: left out ({@link LeftOutVulnerability.Reason#IGNORED});</li>
 *   <li>{@code ignoreUnfixed} and no fix exists: left out ({@link LeftOutVulnerability.Reason#UNFIXED});</li>
 *   <li>{@code failOnSeverity: none}: left out, report only (Console blocks do not fail either);</li>
 *   <li>its severity is at or above {@code failOnSeverity}: counted;</li>
 *   <li>{@code failOnConsoleBlock} and the Console marks it {@code block: true}: counted;</li>
 *   <li>otherwise left out ({@link LeftOutVulnerability.Reason#BELOW_THRESHOLD}).</li>
 * </ol>
 * The gate fails when anything is counted. Immutable.
 */
public final class GatePolicy {

    /** The defaults: fail on critical and on Console blocks; nothing ignored. */
    public static final GatePolicy DEFAULT = builder().build();

    private final FailOnSeverity failOnSeverity;
    private final boolean ignoreUnfixed;
    private final Set<String> ignoredVulnerabilities;
    private final boolean failOnConsoleBlock;

    private GatePolicy(Builder b) {
        this.failOnSeverity = b.failOnSeverity;
        this.ignoreUnfixed = b.ignoreUnfixed;
        this.ignoredVulnerabilities = Set.copyOf(b.ignoredVulnerabilities);
        this.failOnConsoleBlock = b.failOnConsoleBlock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public FailOnSeverity failOnSeverity() {
        return failOnSeverity;
    }

    public boolean ignoreUnfixed() {
        return ignoreUnfixed;
    }

    /** Upper-case CVE IDs. */
    public Set<String> ignoredVulnerabilities() {
        return ignoredVulnerabilities;
    }

    public boolean failOnConsoleBlock() {
        return failOnConsoleBlock;
    }

    /** The vulnerabilities that count and those left out, each with its reason; order kept. */
    public record Judgement(List<Vulnerability> counted, List<LeftOutVulnerability> leftOut) {
        public Judgement {
            counted = List.copyOf(counted);
            leftOut = List.copyOf(leftOut);
        }
    }

    public Judgement judge(List<Vulnerability> vulnerabilities) {
        List<Vulnerability> counted = new ArrayList<>();
        List<LeftOutVulnerability> leftOut = new ArrayList<>();
        for (Vulnerability v : vulnerabilities) {
            if (v.cve() != null && ignoredVulnerabilities.contains(v.cve().trim().toUpperCase(Locale.ROOT))) {
                leftOut.add(new LeftOutVulnerability(v, LeftOutVulnerability.Reason.IGNORED,
                        v.cve() + " is listed in ignoredVulnerabilities"));
            } else if (ignoreUnfixed && !v.fixed()) {
                leftOut.add(new LeftOutVulnerability(v, LeftOutVulnerability.Reason.UNFIXED,
                        "no fix is available" + (v.fixStatus().isEmpty() ? "" : " (" + v.fixStatus() + ")")
                                + " and ignoreUnfixed is set"));
            } else if (failOnSeverity == FailOnSeverity.NONE) {
                leftOut.add(new LeftOutVulnerability(v, LeftOutVulnerability.Reason.BELOW_THRESHOLD,
                        "failOnSeverity is none: reported only" + (v.block() ? " (the Console blocks it)" : "")));
            } else if (failOnSeverity.fails(v.severity()) || failOnConsoleBlock && v.block()) {
                counted.add(v);
            } else {
                leftOut.add(new LeftOutVulnerability(v, LeftOutVulnerability.Reason.BELOW_THRESHOLD,
                        v.severity().label() + " is below failOnSeverity " + failOnSeverity.label()
                                + (v.block() ? " (the Console blocks it, but failOnConsoleBlock is false)" : "")));
            }
        }
        return new Judgement(counted, leftOut);
    }

    @Override
    public String toString() {
        return "failOnSeverity=" + failOnSeverity.label() + ", ignoreUnfixed=" + ignoreUnfixed + ", ignoredVulnerabilities="
                + ignoredVulnerabilities + ", failOnConsoleBlock=" + failOnConsoleBlock;
    }

    public static final class Builder {
        private FailOnSeverity failOnSeverity = FailOnSeverity.CRITICAL;
        private boolean ignoreUnfixed;
        private final Set<String> ignoredVulnerabilities = new LinkedHashSet<>();
        private boolean failOnConsoleBlock = true;

        private Builder() {
        }

        /** Default {@link FailOnSeverity#CRITICAL}. */
        public Builder failOnSeverity(FailOnSeverity failOnSeverity) {
            this.failOnSeverity = failOnSeverity == null ? FailOnSeverity.CRITICAL : failOnSeverity;
            return this;
        }

        /** Default false. */
        public Builder ignoreUnfixed(boolean ignoreUnfixed) {
            this.ignoreUnfixed = ignoreUnfixed;
            return this;
        }

        /** CVE IDs to leave out, compared without case; blank entries are skipped. Replaces earlier ones. */
        public Builder ignoredVulnerabilities(Collection<String> cves) {
            ignoredVulnerabilities.clear();
            if (cves != null) {
                for (String cve : cves) {
                    if (cve != null && !cve.isBlank()) {
                        ignoredVulnerabilities.add(cve.trim().toUpperCase(Locale.ROOT));
                    }
                }
            }
            return this;
        }

        /** Default true. */
        public Builder failOnConsoleBlock(boolean failOnConsoleBlock) {
            this.failOnConsoleBlock = failOnConsoleBlock;
            return this;
        }

        public GatePolicy build() {
            return new GatePolicy(this);
        }
    }
}
