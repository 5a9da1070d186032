package io.github.prismaregistry.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message the front ends fail a build with: the worst offenders first, the rest counted. */
class GateFailureMessageTest {

    private static Vulnerability critical(int n, double cvss) {
        return new Vulnerability("CVE-2024-000" + n, Severity.CRITICAL, "critical", cvss, "pkg" + n, "1." + n,
                "fixed in 2.0", "", false);
    }

    private static ScanResult resultOf(List<Vulnerability> vulnerabilities) {
        ScanResult.Builder b = ScanResult.builder();
        b.image = "registry.example.com/shop/checkout:1.4.2";
        b.vulnerabilities = vulnerabilities;
        b.judgement = GatePolicy.DEFAULT.judge(vulnerabilities);
        return b.build();
    }

    @Test
    void namesTheImageTheWorstOffendersAndHowManyMore() {
        List<Vulnerability> found = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            found.add(critical(n, 9.0));
        }

        String message = resultOf(found).gateFailureMessage(5);

        assertThat(message).startsWith("Prisma scan gate FAILED for registry.example.com/shop/checkout:1.4.2: 7"
                + " vulnerabilities fail the policy (failOnSeverity=critical")
                .contains("CVE-2024-0001 (critical 9.0, pkg1 1.1)", "CVE-2024-0005")
                .doesNotContain("CVE-2024-0006")
                .endsWith("; and 2 more");
    }

    @Test
    void oneOffenderIsNamedInTheSingular() {
        assertThat(resultOf(List.of(critical(1, 10.0))).gateFailureMessage(5))
                .contains(": 1 vulnerability fails the policy").doesNotContain("more");
    }

    @Test
    void aPassedGateHasNoFailureMessage() {
        assertThat(resultOf(List.of()).gateFailureMessage(5)).isNull();
    }
}
