package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class ScanReportsTest extends ScanTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension();

    @Test
    void theJsonReportHoldsVerdictCountsAndEveryVulnerabilityWithItsReason() throws Exception {
        scanVulnerableImage(simulator.get());

        JsonNode json = Json.MAPPER.readTree(reports.resolve(ScanReports.JSON).toFile());

        assertThat(json.get("operation").asText()).isEqualTo("scan");
        assertThat(json.get("image").asText()).isEqualTo(IMAGE);
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.at("/counts/critical").asInt()).isEqualTo(2);
        assertThat(json.at("/counts/high").asInt()).isEqualTo(1);
        assertThat(json.at("/counts/medium").asInt()).isZero();
        assertThat(json.at("/counts/low").asInt()).isEqualTo(1);
        assertThat(json.get("counted")).extracting(v -> v.get("cve").asText())
                .containsExactly("CVE-2024-3094", "CVE-2020-0007");
        JsonNode first = json.at("/counted/0");
        assertThat(first.get("cvss").asDouble()).isEqualTo(10.0);
        assertThat(first.get("packageName").asText()).isEqualTo("pkg-cve-2024-3094");
        assertThat(first.get("packageVersion").asText()).isEqualTo("1.0.0");
        assertThat(first.get("fixStatus").asText()).isEqualTo("fixed in 5.6.2");
        assertThat(first.get("link").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2024-3094");
        assertThat(first.get("block").asBoolean()).isFalse();
        assertThat(json.get("leftOut")).extracting(v -> v.get("cve").asText() + " " + v.get("reason").asText())
                .containsExactlyInAnyOrder("CVE-2021-44228 IGNORED", "CVE-2023-4911 BELOW_THRESHOLD");
        assertThat(json.get("scanTime").asText()).isNotEmpty();
        assertThat(json.get("consoleImageLink").asText()).contains("/#!/monitor/vulnerabilities/images/registries");
        assertThat(json.get("reportFiles")).hasSize(4);
    }

    @Test
    void theJunitReportHasOneFailingCasePerCountedVulnerability() throws Exception {
        ScanResult result = scanVulnerableImage(simulator.get());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve(ScanReports.JUNIT).toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        NodeList failures = xml.getElementsByTagName("failure");
        NodeList skipped = xml.getElementsByTagName("skipped");

        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(failures.getLength()).isEqualTo(result.counted().size()).isEqualTo(2);
        assertThat(((Element) failures.item(0).getParentNode()).getAttribute("name")).startsWith("CVE-2024-3094 ");
        assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("critical");
        assertThat(skipped.getLength()).isEqualTo(2);
    }

    @Test
    void aCleanImageGetsOnePassingJunitCase() throws Exception {
        ConsoleSimulator sim = prepared(simulator.get(), image());
        try (ImageScanner scanner = scanner(sim)) {
            scanner.scan(request().outputDirectory(reports).build());
        }

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve(ScanReports.JUNIT).toFile());

        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(Files.readString(reports.resolve(ScanReports.SUMMARY))).contains("PASSED", "No vulnerability fails the gate");
    }

    @Test
    void theSarifReportListsEveryVulnerabilityAndMarksIgnoredOnesSuppressed() throws Exception {
        scanVulnerableImage(simulator.get());

        JsonNode sarif = Json.MAPPER.readTree(reports.resolve(ScanReports.SARIF).toFile());
        JsonNode results = sarif.at("/runs/0/results");

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(results).hasSize(4);
        assertThat(results).filteredOn(r -> r.get("level").asText().equals("error"))
                .extracting(r -> r.get("ruleId").asText()).containsExactly("CVE-2024-3094", "CVE-2020-0007");
        assertThat(results).filteredOn(r -> r.has("suppressions"))
                .extracting(r -> r.get("ruleId").asText()).containsExactly("CVE-2021-44228");
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/properties/security-severity").asText()).isEqualTo("10.0");
    }

    @Test
    void theSummaryNamesTheFailingCvesAndWhyOthersWereLeftOut() throws Exception {
        scanVulnerableImage(simulator.get());

        String summary = Files.readString(reports.resolve(ScanReports.SUMMARY));

        assertThat(summary).startsWith("## Prisma Cloud scan: FAILED");
        assertThat(summary).contains("### Failing the gate (2)", "[CVE-2024-3094](https://nvd.nist.gov/vuln/detail/CVE-2024-3094)",
                "### Not counted (2)", "CVE-2021-44228 is listed in ignoredVulnerabilities", "| 2 | 1 | 0 | 1 |");
    }
}
