package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsolePermissionException;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import io.github.prismaregistry.simulator.ScanStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanGateIntegrationTest extends ScanTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .userWithPermissions("registrar", "pw", ConsoleSimulator.PERMISSION_POLICY_CONTAINERS));

    @Test
    void aCleanImagePasses() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image());

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().outputDirectory(reports).build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.counted()).isEmpty();
        assertThat(result.counts()).containsEntry(Severity.CRITICAL, 0).containsEntry(Severity.LOW, 0);
        assertThat(result.image()).isEqualTo(IMAGE);
        assertThat(result.scanTime()).isAfterOrEqualTo(result.triggerTime());
        assertThat(result.coveringEntry()).containsEntry("repository", "shop/*");
        assertThat(result.consoleImageLink()).startsWith(sim.url() + "/#!/monitor/vulnerabilities/images/registries?search=");
        assertThat(result.reportFiles()).hasSize(4).allSatisfy(file -> assertThat(file).exists());
        assertThat(triggers(sim)).singleElement().satisfies(trigger -> assertThat(trigger.body())
                .isEqualTo("{\"onDemandScan\":true,\"tag\":{\"registry\":\"registry.example.com\",\"repo\":\"shop/checkout\","
                        + "\"tag\":\"1.4.2\",\"digest\":\"\"}}"));
    }

    @Test
    void aCriticalCveFailsTheGateAndIsNamed() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image()
                .withVulnerability(cve("CVE-2024-3094", "critical", 10.0, "fixed in 5.6.2"))
                .withVulnerability(cve("CVE-2023-0001", "medium", 5.0, "fixed in 2.0")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-3094");
        assertThat(result.topOffenders(5)).singleElement().asString().startsWith("CVE-2024-3094 (critical 10.0");
        assertThat(result.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.vulnerability().cve()).isEqualTo("CVE-2023-0001");
            assertThat(left.reason()).isEqualTo(LeftOutVulnerability.Reason.BELOW_THRESHOLD);
            assertThat(left.explanation()).contains("below failOnSeverity critical");
        });
        assertThat(result.counts()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.MEDIUM, 1);
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("FAIL CVE-2024-3094"));
    }

    @Test
    void importantCountsAsHigh() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image()
                .withVulnerability(cve("CVE-2023-4911", "important", 7.8, "fixed in 2.36-9"))
                .withVulnerability(cve("CVE-2022-0002", "moderate", 4.0, ""))
                .withVulnerability(cve("CVE-2022-0003", "negligible", 1.0, ""))
                .withVulnerability(cve("CVE-2022-0004", "unimportant", 0.5, "")));

        ScanResult atCritical;
        ScanResult atHigh;
        try (ImageScanner scanner = scanner(sim)) {
            atCritical = scanner.scan(request().build());
            atHigh = scanner.scan(request().policy(GatePolicy.builder().failOnSeverity(FailOnSeverity.HIGH).build()).build());
        }

        assertThat(atCritical.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(atHigh.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(atHigh.counted()).singleElement().satisfies(v -> {
            assertThat(v.cve()).isEqualTo("CVE-2023-4911");
            assertThat(v.severity()).isEqualTo(Severity.HIGH);
            assertThat(v.consoleSeverity()).isEqualTo("important");
        });
        assertThat(atHigh.counts()).containsEntry(Severity.HIGH, 1).containsEntry(Severity.MEDIUM, 1)
                .containsEntry(Severity.LOW, 2);
    }

    @Test
    void ignoreUnfixedLeavesOutVulnerabilitiesWithoutAFix() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image()
                .withVulnerability(cve("CVE-2024-1111", "critical", 9.1, ""))
                .withVulnerability(cve("CVE-2024-2222", "critical", 9.8, "fixed in 1.2.3")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().policy(GatePolicy.builder().ignoreUnfixed(true).build()).build());
        }

        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-2222");
        assertThat(result.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.vulnerability().cve()).isEqualTo("CVE-2024-1111");
            assertThat(left.reason()).isEqualTo(LeftOutVulnerability.Reason.UNFIXED);
            assertThat(left.explanation()).contains("ignoreUnfixed");
        });
    }

    @Test
    void anIgnoredCveIsLeftOutWithItsReason() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image()
                .withVulnerability(cve("CVE-2021-44228", "critical", 10.0, "fixed in 2.17.1")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().policy(GatePolicy.builder()
                    .ignoredVulnerabilities(List.of(" cve-2021-44228 ", "")).build()).build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.reason()).isEqualTo(LeftOutVulnerability.Reason.IGNORED);
            assertThat(left.explanation()).isEqualTo("CVE-2021-44228 is listed in ignoredVulnerabilities");
        });
        assertThat(result.counts()).containsEntry(Severity.CRITICAL, 1);
    }

    @Test
    void failOnConsoleBlockFailsOnABlockedVulnerabilityBelowTheThreshold() throws Exception {
        ObjectNode blocked = cve("CVE-2020-0005", "low", 3.1, "fixed in 1.1");
        blocked.put("block", true);
        ConsoleSimulator sim = prepared(simulator.get(), image().withVulnerability(blocked));

        ScanResult byDefault;
        ScanResult withoutBlock;
        try (ImageScanner scanner = scanner(sim)) {
            byDefault = scanner.scan(request().build());
            withoutBlock = scanner.scan(request().policy(GatePolicy.builder().failOnConsoleBlock(false).build()).build());
        }

        assertThat(byDefault.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(byDefault.counted()).singleElement().satisfies(v -> assertThat(v.block()).isTrue());
        assertThat(withoutBlock.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(withoutBlock.leftOut()).singleElement()
                .satisfies(left -> assertThat(left.explanation()).contains("failOnConsoleBlock is false"));
    }

    @Test
    void failOnSeverityNoneReportsAndPasses() throws Exception {
        ObjectNode blocked = cve("CVE-2024-0009", "critical", 9.9, "fixed in 2");
        blocked.put("block", true);
        ConsoleSimulator sim = prepared(simulator.get(), image().withVulnerability(blocked)
                .withVulnerability(cve("CVE-2024-0010", "high", 8.0, "")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().outputDirectory(reports)
                    .policy(GatePolicy.builder().failOnSeverity(FailOnSeverity.NONE).build()).build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.counted()).isEmpty();
        assertThat(result.leftOut()).hasSize(2).allSatisfy(left -> assertThat(left.explanation()).contains("reported only"));
        assertThat(result.counts()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.HIGH, 1);
        assertThat(Files.readString(reports.resolve(ScanReports.SUMMARY))).contains("CVE-2024-0009", "CVE-2024-0010");
    }

    @Test
    void aStaleResultFromBeforeTheTriggerIsNotUsed() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.storeScanResult(CatalogueImage.of(REGISTRY, REPOSITORY, TAG), Instant.now().minus(Duration.ofHours(6)));
        // No progress either, so the results are looked at while the stale one is still the only one.
        prepared(sim, image().withoutProgress().scanDuration(Duration.ofMillis(600))
                .withVulnerability(cve("CVE-2024-6387", "critical", 8.1, "fixed in 9.8p1")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-6387");
        assertThat(result.scanTime()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(result.scanTime()).isAfterOrEqualTo(result.triggerTime().minusSeconds(1));
    }

    @Test
    void progressThatStaysEmptyWhileTheResultArrivesLater() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image().withoutProgress().scanDuration(Duration.ofMillis(1000))
                .withVulnerability(cve("CVE-2024-0100", "critical", 9.0, "fixed in 3")));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().build());
        }

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        List<RecordedRequest> progress = sim.requests("GET", "registry/progress");
        assertThat(progress).hasSizeGreaterThan(2).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
        // Empty progress never ended the wait: results were looked at again until this scan's arrived.
        assertThat(sim.requests("GET", "registry")).hasSizeGreaterThan(3);
    }

    @Test
    void aScanThatNeverFinishesIsATimeoutErrorNotAPolicyFailure() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image().neverFinishes());

        try (ImageScanner scanner = scanner(sim)) {
            assertThatThrownBy(() -> scanner.scan(request().scanTimeout(Duration.ofMillis(700)).outputDirectory(reports).build()))
                    .isInstanceOfSatisfying(ScanTimeoutException.class, e -> {
                        assertThat(e.lastSeen()).startsWith("progress: Step 2/2 scanning images (0/1)");
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(700));
                        assertThat(e.getMessage()).contains("scanTimeout (0.7 s)", "Last seen: progress:",
                                "not a policy verdict", IMAGE);
                    });
        }
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void anUncoveredImageTriggersNoScan() throws Exception {
        ConsoleSimulator sim = simulator.get();
        ObjectNode otherTag = coveringEntry();
        otherTag.put("repository", REPOSITORY);
        otherTag.put("tag", "2.0.0");
        sim.setSpecifications(List.of(otherTag));
        sim.addImage(image());

        try (ImageScanner scanner = scanner(sim)) {
            assertThatThrownBy(() -> scanner.scan(request().build()))
                    .isInstanceOfSatisfying(ImageNotCoveredException.class, e -> assertThat(e.getMessage())
                            .contains(IMAGE, "Nothing was triggered", "mvn prisma-registry:register", "prismaRegistryRegister"));
        }
        assertThat(triggers(sim)).isEmpty();
        assertThat(sim.scanStarts()).isEmpty();
        assertThat(sim.requests("GET", "registry")).isEmpty();
    }

    @Test
    void a429StormDuringPollingIsWaitedOutAsRetryAfterAsks() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image().withoutProgress().scanDuration(Duration.ofMillis(1500))
                .withVulnerability(cve("CVE-2024-0200", "high", 7.0, "fixed in 2")));
        sim.rateLimitScanResults(2, Duration.ofSeconds(1));
        sim.inject(Fault.on("GET", "registry/progress").respond429(0).times(4));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().policy(GatePolicy.builder().failOnSeverity(FailOnSeverity.HIGH).build()).build());
        }

        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-0200");
        List<RecordedRequest> reads = sim.requests("GET", "registry");
        assertThat(reads).filteredOn(r -> r.status() == 429).isNotEmpty();
        for (int i = 0; i + 1 < reads.size(); i++) {
            if (reads.get(i).status() == 429) {
                Duration gap = Duration.between(reads.get(i).time(), reads.get(i + 1).time());
                assertThat(gap).as("pause after a 429 with Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
        }
        assertThat(sim.requests("GET", "registry/progress")).filteredOn(r -> r.status() == 429).hasSize(4);
    }

    @Test
    void tokenExpiryDuringALongWaitLogsInAgain() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().tokenLifetime(Duration.ofMillis(300)).start()) {
            prepared(sim, image().scanDuration(Duration.ofMillis(1500))
                    .withVulnerability(cve("CVE-2024-0300", "critical", 9.4, "fixed in 4")));

            ScanResult result;
            try (ImageScanner scanner = scanner(sim)) {
                result = scanner.scan(request().pollInterval(Duration.ofMillis(150)).build());
            }

            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(sim.loginCount()).isGreaterThan(2);
            assertThat(sim.requests()).filteredOn(r -> r.status() == 401).isNotEmpty();
        }
    }

    @Test
    void aDroppedConnectionWhilePollingIsNotTheEndOfTheWait() throws Exception {
        // Long enough that all ten faulted looks happen while the scan still runs, even on a busy machine.
        ConsoleSimulator sim = prepared(simulator.get(), image().scanDuration(Duration.ofMillis(2500))
                .withVulnerability(cve("CVE-2024-0400", "critical", 9.0, "fixed in 5")));
        sim.inject(Fault.on("GET", "registry/progress").nth(2).dropConnection());
        // Longer than the client's retries: the wait goes on regardless.
        sim.inject(Fault.on("GET", "registry/progress").nth(4).times(6).dropConnection());

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().build());
        }

        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-0400");
        assertThat(sim.requests("GET", "registry/progress")).filteredOn(r -> r.status() == 0).hasSize(7);
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("Could not look at the scan's state"));
    }

    @Test
    void aRoleWithoutMonitorImagesGetsAMessageNamingThePermission() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image());
        ScanRequest request = request().build();

        try (ImageScanner scanner = scanner(connection(sim).credentials(ConsoleCredentials.usernamePassword("registrar", "pw"))
                .build())) {
            assertThatThrownBy(() -> scanner.scan(request))
                    .isInstanceOfSatisfying(ConsolePermissionException.class, e -> assertThat(e.getMessage())
                            .contains("monitorImages", "HTTP 403"));
        }
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void aScanByDigestFindsTheResultOfThatDigest() throws Exception {
        CatalogueImage image = image().withVulnerability(cve("CVE-2024-0500", "critical", 9.6, "fixed in 6"));
        ConsoleSimulator sim = prepared(simulator.get(), image);
        sim.addImage(CatalogueImage.of(REGISTRY, REPOSITORY, "0.9.0").scanDuration(Duration.ofMillis(100)));
        sim.storeScanResult(CatalogueImage.of(REGISTRY, REPOSITORY, "0.9.0"), Instant.now());

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(ScanRequest.builder().image(REGISTRY + "/" + REPOSITORY + "@" + image.digest())
                    .pollInterval(POLL).build());
        }

        assertThat(result.image()).isEqualTo(REGISTRY + "/" + REPOSITORY + "@" + image.digest());
        assertThat(result.digest()).isEqualTo(image.digest());
        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-0500");
        assertThat(sim.scanStarts()).singleElement().satisfies(start -> {
            assertThat(start.scope()).isEqualTo(ScanStart.Scope.IMAGE);
            assertThat(start.digest()).isEqualTo(image.digest());
            assertThat(start.tag()).isEmpty();
        });
    }

    @Test
    void aTagAndADigestMustBothMatch() throws Exception {
        CatalogueImage image = image();
        ConsoleSimulator sim = prepared(simulator.get(), image);
        String otherDigest = "sha256:" + "ab".repeat(32);

        try (ImageScanner scanner = scanner(sim)) {
            assertThatThrownBy(() -> scanner.scan(request().digest(otherDigest).scanTimeout(Duration.ofMillis(800)).build()))
                    .isInstanceOfSatisfying(ScanTimeoutException.class, e -> assertThat(e.lastSeen())
                            .contains("another digest than " + otherDigest));
        }
    }

    @Test
    void aScanErrorIsAToolErrorNotAVerdict() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image().scanError("No available Defender was found"));

        try (ImageScanner scanner = scanner(sim)) {
            assertThatThrownBy(() -> scanner.scan(request().build()))
                    .isInstanceOfSatisfying(ScanFailedException.class, e -> {
                        assertThat(e.consoleError()).isEqualTo("No available Defender was found");
                        assertThat(e.getMessage()).contains(IMAGE, "failed");
                    });
        }
    }

    @Test
    void theCanarySecretIsInNoReportFileOrLogLine() throws Exception {
        String canary = "Canary-Pw-5e1d7b";
        try (ConsoleSimulator sim = ConsoleSimulator.builder().user("ci-bot", canary).start()) {
            ObjectNode leaky = cve("CVE-2024-0600", "critical", 9.0, "fixed in 7");
            leaky.put("description", "mentions " + canary + " on purpose");
            prepared(sim, image().withVulnerability(leaky));
            // The covering entry carries a registry credential object, as some consoles send it.
            ObjectNode covering = coveringEntry();
            covering.putObject("credential").put("_id", "registry-robot").put("password", canary);
            sim.setSpecifications(List.of(covering));

            ScanResult result;
            try (ImageScanner scanner = scanner(connection(sim)
                    .credentials(ConsoleCredentials.usernamePassword("ci-bot", canary)).build())) {
                result = scanner.scan(request().outputDirectory(reports).build());
            }

            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.reportFiles()).hasSize(4);
            for (Path file : result.reportFiles()) {
                assertThat(Files.readString(file)).as(file.getFileName().toString()).isNotBlank().doesNotContain(canary);
            }
            assertThat(result.toMap().toString()).doesNotContain(canary);
            assertThat(log.all()).doesNotContain(canary);
            assertThat(Set.copyOf(result.toMap().keySet())).contains("operation", "image", "verdict", "counts");
            assertThat(result.coveringEntry()).containsEntry("repository", "shop/*").doesNotContainKey("credential");
        }
    }

    @Test
    void aResultThatCountsVulnerabilitiesButListsNoneIsAnErrorNotAPass() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image()
                .withVulnerability(cve("CVE-2024-0700", "critical", 9.0, "fixed in 8")));
        // A proxy (or a console serving compact results) that drops the list but keeps the counts.
        sim.inject(Fault.on("GET", "registry").nth(2).always().respond(200, "[{\"_id\":\"sha256:1\","
                + "\"repoTag\":{\"registry\":\"registry.example.com\",\"repo\":\"shop/checkout\",\"tag\":\"1.4.2\"},"
                + "\"scanTime\":\"" + Instant.now().plusSeconds(5) + "\",\"vulnerabilitiesCount\":1,"
                + "\"vulnerabilityDistribution\":{\"critical\":1,\"total\":1}}]"));

        try (ImageScanner scanner = scanner(sim)) {
            assertThatThrownBy(() -> scanner.scan(request().build()))
                    .isInstanceOf(io.github.prismaregistry.api.ConsoleResponseException.class)
                    .hasMessageContaining("reported 1 vulnerabilities")
                    .hasMessageContaining("sent no list");
        }
    }

    @Test
    void aConsoleThatRefusesProgressStillGetsItsResultJudged() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image().scanDuration(Duration.ofMillis(300))
                .withVulnerability(cve("CVE-2024-0800", "critical", 9.1, "fixed in 9")));
        sim.inject(Fault.on("GET", "registry/progress").always().respond(404, "404 page not found"));

        ScanResult result;
        try (ImageScanner scanner = scanner(sim)) {
            result = scanner.scan(request().build());
        }

        assertThat(result.counted()).extracting(Vulnerability::cve).containsExactly("CVE-2024-0800");
        assertThat(sim.requests("GET", "registry/progress")).hasSize(1);
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("refused the progress query"));
    }
}
