package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.CapturingLog;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.TestRegistrars;
import io.github.prismaregistry.settings.Json;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Shared set-up for tests that scan through the real engine against the console simulator over HTTP. */
abstract class ScanTestSupport {

    static final String REGISTRY = "registry.example.com";
    static final String REPOSITORY = "shop/checkout";
    static final String TAG = "1.4.2";
    static final String IMAGE = REGISTRY + "/" + REPOSITORY + ":" + TAG;
    /** Short, so tests stay fast; users' minimum is 1 s, the engine takes any positive interval. */
    static final Duration POLL = Duration.ofMillis(40);

    @TempDir
    Path reports;

    final CapturingLog log = new CapturingLog();

    static ConsoleConnection.Builder connection(ConsoleSimulator sim) {
        return TestRegistrars.connection(sim);
    }

    ImageScanner scanner(ConsoleConnection connection) throws InvalidRequestException {
        return ImageScanner.builder(connection).log(log).timing(TestRegistrars.FAST).build();
    }

    ImageScanner scanner(ConsoleSimulator sim) throws InvalidRequestException {
        return scanner(connection(sim).build());
    }

    static ScanRequest.Builder request() {
        return ScanRequest.builder().image(IMAGE).pollInterval(POLL).scanTimeout(Duration.ofSeconds(20));
    }

    /** An entry for the whole registry's shop/ repositories, as another team might have registered it. */
    static ObjectNode coveringEntry() {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", "2");
        e.put("registry", "https://" + REGISTRY + "/");
        e.put("repository", "shop/*");
        e.put("tag", "");
        e.put("os", "linux");
        e.put("cap", 5);
        e.put("scanners", 2);
        e.putArray("collections").add("All");
        return e;
    }

    static CatalogueImage image() {
        return CatalogueImage.of(REGISTRY, REPOSITORY, TAG).scanDuration(Duration.ofMillis(150));
    }

    static ObjectNode cve(String id, String severity, double cvss, String status) {
        return CatalogueImage.vulnerability(id, severity, cvss, "pkg-" + id.toLowerCase(), "1.0.0", status);
    }

    /** The simulator covers the image and holds it in its catalogue. */
    static ConsoleSimulator prepared(ConsoleSimulator sim, CatalogueImage image) {
        sim.setSpecifications(List.of(coveringEntry()));
        sim.addImage(image);
        return sim;
    }

    /**
     * Scans an image with a critical CVE, an important one without a fix, an ignored critical one and a low one the
     * Console blocks, writing the reports: two counted, two left out.
     */
    ScanResult scanVulnerableImage(ConsoleSimulator simulator) throws Exception {
        ObjectNode blocked = cve("CVE-2020-0007", "low", 2.0, "fixed in 1.1");
        blocked.put("block", true);
        ConsoleSimulator sim = prepared(simulator, image()
                .withVulnerability(cve("CVE-2024-3094", "critical", 10.0, "fixed in 5.6.2"))
                .withVulnerability(cve("CVE-2023-4911", "important", 7.8, ""))
                .withVulnerability(cve("CVE-2021-44228", "critical", 10.0, "fixed in 2.17.1"))
                .withVulnerability(blocked));
        try (ImageScanner scanner = scanner(sim)) {
            return scanner.scan(request().outputDirectory(reports)
                    .policy(GatePolicy.builder().ignoredVulnerabilities(List.of("CVE-2021-44228")).build()).build());
        }
    }

    static List<RecordedRequest> triggers(ConsoleSimulator sim) {
        return sim.requests("POST", "registry/scan");
    }
}
