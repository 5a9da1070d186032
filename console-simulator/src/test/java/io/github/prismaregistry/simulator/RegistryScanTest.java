package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryScanTest {

    private static final String SCAN = "/api/v34.04/registry/scan";
    private static final CatalogueImage CHECKOUT = CatalogueImage.of("registry.example.com", "shop/checkout", "1.4.2")
            .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
                    "fixed in 5.6.2"))
            .withVulnerability(CatalogueImage.vulnerability("CVE-2023-4911", "important", 7.8, "glibc", "2.36",
                    ""))
            .scanDuration(Duration.ofSeconds(20));

    private final MutableClock clock = new MutableClock();

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .clock(clock)
            .userWithPermissions("registrar", "pw", ConsoleSimulator.PERMISSION_POLICY_CONTAINERS));

    private ConsoleSimulator covered() {
        ConsoleSimulator sim = console.get();
        sim.setSpecifications(List.of(specification("https://registry.example.com/", "shop/*")));
        sim.addImage(CHECKOUT);
        return sim;
    }

    private static ObjectNode specification(String registry, String repository) {
        ObjectNode entry = ConsoleSimulator.MAPPER.createObjectNode();
        entry.put("version", "2");
        entry.put("registry", registry);
        entry.put("repository", repository);
        entry.put("tag", "");
        return entry;
    }

    private static String onDemand(String registry, String repository, String tag, String digest) {
        ObjectNode body = ConsoleSimulator.MAPPER.createObjectNode();
        body.put("onDemandScan", true);
        ObjectNode image = body.putObject("tag");
        image.put("registry", registry);
        image.put("repo", repository);
        image.put("tag", tag);
        image.put("digest", digest);
        return body.toString();
    }

    private static String progressPath(String repository, String tag) {
        return "/api/v34.04/registry/progress?onDemand=true&registry=registry.example.com&repo="
                + URLEncoder.encode(repository, StandardCharsets.UTF_8) + "&tag=" + tag;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return ConsoleSimulator.MAPPER.readTree(response.body());
    }

    @Test
    void onDemandScanReportsProgressThenTheFinishedRecordOnceThenNothing() throws Exception {
        ConsoleSimulator sim = covered();
        Http http = Http.to(sim);

        assertThat(http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN)
                .statusCode()).isEqualTo(200);
        JsonNode ongoing = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));
        clock.advance(Duration.ofSeconds(21));
        JsonNode finished = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));
        JsonNode after = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));

        assertThat(ongoing).hasSize(1);
        assertThat(ongoing.get(0).get("isScanOngoing").asBoolean()).isTrue();
        assertThat(ongoing.get(0).at("/imageScan/title").asText()).isEqualTo("Step 2/2 scanning images");
        assertThat(ongoing.get(0).at("/imageScan/scanned").asInt()).isZero();
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).get("isScanOngoing").asBoolean()).isFalse();
        assertThat(finished.get(0).at("/imageScan/scanned").asInt()).isEqualTo(1);
        assertThat(after).isEmpty();
    }

    @Test
    void theResultArrivesWhenTheScanEndsWithItsVulnerabilitiesAndScanTime() throws Exception {
        ConsoleSimulator sim = covered();
        Http http = Http.to(sim);
        Instant trigger = clock.instant();
        http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN);
        String query = "/api/v34.04/registry?name=" + URLEncoder.encode("registry.example.com/shop/checkout:1.4.2",
                StandardCharsets.UTF_8);

        HttpResponse<String> during = http.get(query, ADMIN);
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> done = http.get(query, ADMIN);

        assertThat(json(during)).isEmpty();
        assertThat(during.headers().firstValue("Total-Count")).hasValue("0");
        assertThat(done.headers().firstValue("Total-Count")).hasValue("1");
        JsonNode result = json(done).get(0);
        assertThat(Instant.parse(result.get("scanTime").asText())).isEqualTo(trigger.plusSeconds(20));
        assertThat(result.at("/repoTag/repo").asText()).isEqualTo("shop/checkout");
        assertThat(result.at("/repoTag/tag").asText()).isEqualTo("1.4.2");
        assertThat(result.at("/repoTag/digest").asText()).isEqualTo(CHECKOUT.digest());
        assertThat(result.get("vulnerabilities")).hasSize(2);
        assertThat(result.at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2024-3094");
        assertThat(result.at("/vulnerabilityDistribution/critical").asInt()).isEqualTo(1);
        assertThat(result.at("/vulnerabilityDistribution/high").asInt()).isEqualTo(1);
        assertThat(result.get("err").asText()).isEmpty();
    }

    @Test
    void anOlderResultStaysUntilANewScanReplacesIt() throws Exception {
        ConsoleSimulator sim = covered();
        Instant old = clock.instant().minus(Duration.ofDays(2));
        sim.storeScanResult(CatalogueImage.of("registry.example.com", "shop/checkout", "1.4.2"), old);
        Http http = Http.to(sim);
        String query = "/api/v34.04/registry?repository=shop/checkout&registry=registry.example.com";

        JsonNode before = json(http.get(query, ADMIN));
        http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN);
        clock.advance(Duration.ofSeconds(5));
        JsonNode during = json(http.get(query, ADMIN));
        clock.advance(Duration.ofSeconds(15));
        JsonNode after = json(http.get(query, ADMIN));

        assertThat(before).hasSize(1);
        assertThat(Instant.parse(before.get(0).get("scanTime").asText())).isEqualTo(old);
        assertThat(before.get(0).get("vulnerabilitiesCount").asInt()).isZero();
        assertThat(during).isEqualTo(before);
        assertThat(after).hasSize(1);
        assertThat(Instant.parse(after.get(0).get("scanTime").asText())).isAfter(old);
        assertThat(after.get(0).get("vulnerabilitiesCount").asInt()).isEqualTo(2);
        assertThat(Instant.parse(after.get(0).get("firstScanTime").asText())).isEqualTo(old);
    }

    @Test
    void aScanByDigestFindsTheImageOfThatDigest() throws Exception {
        ConsoleSimulator sim = covered();
        Http http = Http.to(sim);

        http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "", CHECKOUT.digest()), ADMIN);
        JsonNode progress = json(http.get("/api/v34.04/registry/progress?onDemand=true&repo=shop/checkout&digest="
                + CHECKOUT.digest(), ADMIN));
        clock.advance(Duration.ofSeconds(20));
        JsonNode results = json(http.get("/api/v34.04/registry?name=registry.example.com/shop/checkout", ADMIN));

        assertThat(progress).hasSize(1);
        assertThat(results).hasSize(1);
        assertThat(results.at("/0/repoDigests/0").asText())
                .isEqualTo("registry.example.com/shop/checkout@" + CHECKOUT.digest());
        assertThat(sim.scanStarts()).singleElement().satisfies(start -> {
            assertThat(start.scope()).isEqualTo(ScanStart.Scope.IMAGE);
            assertThat(start.digest()).isEqualTo(CHECKOUT.digest());
            assertThat(start.tag()).isEmpty();
            assertThat(start.onDemand()).isTrue();
        });
    }

    @Test
    void aRoleWithoutMonitorImagesIsRefused() throws Exception {
        ConsoleSimulator sim = covered();
        Http http = Http.to(sim);

        HttpResponse<String> refused = http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2",
                ""), Http.basic("registrar", "pw"));
        HttpResponse<String> settings = http.get("/api/v34.04/settings/registry", Http.basic("registrar", "pw"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("monitorImages");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void anUncoveredImageIsAcceptedAndNeverScannedOrRefusedByOption() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.addImage(CHECKOUT);
        Http http = Http.to(sim);
        String body = onDemand("registry.example.com", "shop/checkout", "1.4.2", "");

        HttpResponse<String> accepted = http.post(SCAN, body, ADMIN);
        clock.advance(Duration.ofMinutes(5));
        JsonNode progress = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));
        JsonNode results = json(http.get("/api/v34.04/registry", ADMIN));
        sim.rejectUncoveredImages(true);
        HttpResponse<String> rejected = http.post(SCAN, body, ADMIN);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(progress).isEmpty();
        assertThat(results).isEmpty();
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("registry.example.com/shop/checkout:1.4.2");
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void neverFinishingScansStayOngoingAndScanErrorsAreReported() throws Exception {
        ConsoleSimulator sim = covered();
        sim.addImage(CatalogueImage.of("registry.example.com", "shop/stuck", "1").neverFinishes());
        sim.addImage(CatalogueImage.of("registry.example.com", "shop/broken", "1").scanError("no Defender available"));
        Http http = Http.to(sim);

        http.post(SCAN, onDemand("registry.example.com", "shop/stuck", "1", ""), ADMIN);
        http.post(SCAN, onDemand("registry.example.com", "shop/broken", "1", ""), ADMIN);
        clock.advance(Duration.ofHours(3));
        JsonNode stuck = json(http.get(progressPath("shop/stuck", "1"), ADMIN));
        JsonNode broken = json(http.get(progressPath("shop/broken", "1"), ADMIN));
        JsonNode results = json(http.get("/api/v34.04/registry?name=shop/", ADMIN));

        assertThat(stuck.get(0).get("isScanOngoing").asBoolean()).isTrue();
        assertThat(broken.get(0).get("isScanOngoing").asBoolean()).isFalse();
        assertThat(broken.at("/0/imageScan/error").asText()).isEqualTo("no Defender available");
        assertThat(results).singleElement()
                .satisfies(result -> assertThat(result.get("err").asText()).isEqualTo("no Defender available"));
    }

    @Test
    void imagesWithoutProgressStillGetTheirResult() throws Exception {
        ConsoleSimulator sim = covered();
        sim.addImage(CHECKOUT.withoutProgress());
        Http http = Http.to(sim);

        http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN);
        JsonNode during = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));
        clock.advance(Duration.ofSeconds(20));
        JsonNode after = json(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN));

        assertThat(during).isEmpty();
        assertThat(after).isEmpty();
        assertThat(json(http.get("/api/v34.04/registry?name=checkout", ADMIN))).hasSize(1);
    }

    @Test
    void progressRefusesOnDemandParametersWithoutOnDemandAndNeedsARepository() throws Exception {
        Http http = Http.to(covered());

        assertThat(http.get("/api/v34.04/registry/progress?repo=shop/checkout&tag=1", ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v34.04/registry/progress?onDemand=true&tag=1", ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(json(http.get("/api/v34.04/registry/progress", ADMIN))).isEmpty();
    }

    @Test
    void resultsAreFilteredPagedAndCompacted() throws Exception {
        ConsoleSimulator sim = covered();
        for (int i = 0; i < 5; i++) {
            sim.storeScanResult(CHECKOUT.withVulnerabilities(CHECKOUT.vulnerabilities()), clock.instant());
            sim.storeScanResult(CatalogueImage.of("registry.example.com", "shop/cart", "v" + i),
                    clock.instant().minusSeconds(i));
        }
        Http http = Http.to(sim);

        HttpResponse<String> page = http.get("/api/v34.04/registry?repository=shop/cart&limit=2&offset=1", ADMIN);
        JsonNode compact = json(http.get("/api/v34.04/registry?name=checkout:1.4.2&compact=true", ADMIN));
        String id = compact.get(0).get("_id").asText();
        JsonNode byId = json(http.get("/api/v34.04/registry?id=" + id, ADMIN));
        JsonNode otherRegistry = json(http.get("/api/v34.04/registry?registry=gcr.io", ADMIN));

        assertThat(page.headers().firstValue("Total-Count")).hasValue("5");
        assertThat(json(page)).extracting(result -> result.at("/repoTag/tag").asText()).containsExactly("v1", "v2");
        assertThat(compact).hasSize(1);
        assertThat(compact.get(0).has("vulnerabilities")).isFalse();
        assertThat(compact.get(0).get("vulnerabilitiesCount").asInt()).isEqualTo(2);
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0).get("vulnerabilities")).hasSize(2);
        assertThat(otherRegistry).isEmpty();
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() throws Exception {
        ConsoleSimulator sim = covered();
        sim.rateLimitScanResults(2, Duration.ofSeconds(30));
        Http http = Http.to(sim);

        int first = http.get("/api/v34.04/registry", ADMIN).statusCode();
        clock.advance(Duration.ofSeconds(10));
        int second = http.get("/api/v34.04/registry", ADMIN).statusCode();
        HttpResponse<String> third = http.get("/api/v34.04/registry", ADMIN);
        clock.advance(Duration.ofSeconds(20));
        int fourth = http.get("/api/v34.04/registry", ADMIN).statusCode();

        assertThat(List.of(first, second, third.statusCode(), fourth)).containsExactly(200, 200, 429, 200);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("20");
    }

    @Test
    void faultsApplyToTheScanEndpoints() throws Exception {
        ConsoleSimulator sim = covered();
        sim.inject(Fault.on("GET", "registry/progress").respond(503, "{\"err\":\"busy\"}"));
        sim.inject(Fault.on("GET", "registry").respond429(7));
        sim.inject(Fault.on("POST", "registry/scan").respond(500, "{\"err\":\"boom\"}"));
        Http http = Http.to(sim);

        assertThat(http.get(progressPath("shop/checkout", "1.4.2"), ADMIN).statusCode()).isEqualTo(503);
        HttpResponse<String> limited = http.get("/api/v34.04/registry", ADMIN);
        assertThat(http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN)
                .statusCode()).isEqualTo(500);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(sim.scanStarts()).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheConsoleClocksDate() throws Exception {
        ConsoleSimulator sim = covered();
        HttpResponse<String> response = Http.to(sim).get("/api/v34.04/registry", ADMIN);

        String date = response.headers().firstValue("Date").orElseThrow();
        assertThat(date).isEqualTo("Sun, 01 Mar 2026 10:00:00 GMT");
        assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(clock.instant());
    }

    @Test
    void theRecordListsWhichScansEachRequestStarted() throws Exception {
        ConsoleSimulator sim = covered();
        Http http = Http.to(sim);
        String entry = specification("registry.example.com", "team/api").toString();

        http.post("/api/v34.04/settings/registry?scanLater=true", entry, ADMIN);
        http.post("/api/v34.04/settings/registry", entry, ADMIN);
        String covering = specification("https://registry.example.com/", "shop/*").toString();
        http.put("/api/v34.04/settings/registry?scanLater=false",
                "{\"specifications\":[" + covering + "," + entry + "]}", ADMIN);
        http.post(SCAN, "{\"settings\":" + entry + "}", ADMIN);
        http.post(SCAN, "", ADMIN);
        http.post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN);

        List<ScanStart> starts = sim.scanStarts();
        assertThat(starts).extracting(ScanStart::scope).containsExactly(ScanStart.Scope.SETTINGS_WRITE,
                ScanStart.Scope.SETTINGS_WRITE, ScanStart.Scope.SPECIFICATION, ScanStart.Scope.ALL_REGISTRIES,
                ScanStart.Scope.IMAGE);
        assertThat(starts).extracting(ScanStart::specificationCount).containsExactly(3, 2, 1, 2, 0);
        assertThat(starts.get(2).repository()).isEqualTo("team/api");
        assertThat(starts.get(4).tag()).isEqualTo("1.4.2");
        assertThat(starts).extracting(ScanStart::user).containsOnly("admin");
        assertThat(sim.scansStarted()).isEqualTo(2);
    }

    @Test
    void theAdminApiFillsTheCatalogueStoresResultsAndShowsTheRecord() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.setSpecifications(List.of(specification("registry.example.com", "")));
        Http http = Http.to(sim);

        HttpResponse<String> added = http.post("/_simulator/images", "[{\"registry\":\"registry.example.com\","
                + "\"repository\":\"shop/cart\",\"tag\":\"2\",\"scanDurationMillis\":1000,\"vulnerabilities\":"
                + "[{\"cve\":\"CVE-2021-44228\",\"severity\":\"critical\",\"cvss\":10,\"block\":true}]}]", null);
        HttpResponse<String> stored = http.post("/_simulator/scan-results", "{\"registry\":\"registry.example.com\","
                + "\"repository\":\"shop/cart\",\"tag\":\"2\",\"scanTime\":\"2026-01-01T00:00:00Z\"}", null);
        HttpResponse<String> options = http.post("/_simulator/scan-options",
                "{\"rejectUncovered\":true,\"rateLimit\":{\"requests\":30,\"windowSeconds\":30}}", null);
        http.post(SCAN, onDemand("registry.example.com", "shop/cart", "2", ""), ADMIN);
        clock.advance(Duration.ofSeconds(1));
        JsonNode results = json(http.get("/api/v34.04/registry", ADMIN));
        JsonNode scans = json(http.get("/_simulator/scans", null));
        JsonNode images = json(http.get("/_simulator/images", null));
        HttpResponse<String> unknownField = http.post("/_simulator/images", "{\"repository\":\"x\",\"tag\":\"1\","
                + "\"severity\":\"high\"}", null);

        assertThat(List.of(added.statusCode(), stored.statusCode(), options.statusCode()))
                .containsExactly(200, 200, 200);
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.get("scanTime").asText()).isEqualTo("2026-03-01T10:00:01Z");
            assertThat(result.at("/vulnerabilities/0/block").asBoolean()).isTrue();
        });
        assertThat(scans).singleElement()
                .satisfies(scan -> assertThat(scan.get("scope").asText()).isEqualTo("IMAGE"));
        assertThat(images.get(0).get("scanDurationMillis").asLong()).isEqualTo(1000);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(sim.scans.uncovered()).isEqualTo(ScanCatalogue.Uncovered.REJECT);
    }

    @Test
    void resetEmptiesTheScanSideAndRestoresItsOptions() throws Exception {
        ConsoleSimulator sim = covered();
        sim.rejectUncoveredImages(true);
        Http.to(sim).post(SCAN, onDemand("registry.example.com", "shop/checkout", "1.4.2", ""), ADMIN);

        sim.reset();

        assertThat(sim.images()).isEmpty();
        assertThat(sim.scanStarts()).isEmpty();
        assertThat(sim.scans.uncovered()).isEqualTo(ScanCatalogue.Uncovered.ACCEPT_AND_IGNORE);
    }
}
