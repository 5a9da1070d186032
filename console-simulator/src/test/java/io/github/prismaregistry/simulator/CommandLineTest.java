package io.github.prismaregistry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void defaultsMatchTheConsole() throws Exception {
        CommandLine options = CommandLine.parse();

        assertThat(options.port).isEqualTo(8083);
        assertThat(options.seed).isZero();
        assertThat(options.tls).isFalse();
        assertThat(options.prefix).isEmpty();
        assertThat(options.consoleVersion).isEqualTo("34.04.145");
        assertThat(options.users).singleElement().satisfies(user -> {
            assertThat(user.name).isEqualTo("admin");
            assertThat(user.password).isEqualTo("admin");
        });
        assertThat(options.help).isFalse();
    }

    @Test
    void everyOptionIsParsed() throws Exception {
        CommandLine options = CommandLine.parse("--port", "0", "--seed", "5000", "--tls", "--prefix", "/us-3-1",
                "--user", "ci", "--password", "s3cret", "--viewer", "auditor", "--viewer-password", "pw",
                "--version", "33.03.138", "--token", "tok", "--token-lifetime", "60", "--max-entries=100");

        assertThat(options.port).isZero();
        assertThat(options.seed).isEqualTo(5000);
        assertThat(options.tls).isTrue();
        assertThat(options.prefix).isEqualTo("/us-3-1");
        assertThat(options.users).singleElement().satisfies(user -> {
            assertThat(user.name).isEqualTo("ci");
            assertThat(user.password).isEqualTo("s3cret");
        });
        assertThat(options.viewers).singleElement().satisfies(viewer -> assertThat(viewer.password).isEqualTo("pw"));
        assertThat(options.consoleVersion).isEqualTo("33.03.138");
        assertThat(options.token).isEqualTo("tok");
        assertThat(options.tokenLifetime).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.maxEntries).isEqualTo(100);
    }

    @Test
    void passwordWithoutUserChangesTheDefaultAdmin() throws Exception {
        CommandLine options = CommandLine.parse("--password=other");
        assertThat(options.users).singleElement().satisfies(user -> {
            assertThat(user.name).isEqualTo("admin");
            assertThat(user.password).isEqualTo("other");
        });
    }

    @Test
    void helpIsRecognised() throws Exception {
        assertThat(CommandLine.parse("--help").help).isTrue();
        assertThat(CommandLine.parse("-h").help).isTrue();
        assertThat(CommandLine.USAGE).contains("--seed", "--tls", "--prefix", "_simulator");
    }

    @Test
    void badArgumentsGiveClearMessages() {
        assertThatThrownBy(() -> CommandLine.parse("--bogus")).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> CommandLine.parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> CommandLine.parse("--port", "--tls")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> CommandLine.parse("--port", "http")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CommandLine.parse("--port", "70000")).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> CommandLine.parse("--seed", "-1")).hasMessageContaining("--seed");
        assertThatThrownBy(() -> CommandLine.parse("--version", "latest")).hasMessageContaining("34.04.145");
        assertThatThrownBy(() -> CommandLine.parse("--viewer-password", "x")).hasMessageContaining("--viewer");
        assertThatThrownBy(() -> CommandLine.parse("--tls=maybe")).hasMessageContaining("true or false");
    }

    @Test
    void parsedOptionsStartAMatchingSimulatorAndTheBannerHidesChosenSecrets() throws Exception {
        CommandLine options = CommandLine.parse("--port", "0", "--seed", "4", "--tls", "--prefix", "/p",
                "--user", "ci", "--password", "canary-secret-123", "--token", "canary-token-456");
        try (ConsoleSimulator sim = options.toBuilder().start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Main.printBanner(sim, options, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String banner = printed.toString(StandardCharsets.UTF_8);

            assertThat(sim.entryCount()).isEqualTo(4);
            assertThat(sim.url()).startsWith("https://127.0.0.1:").endsWith("/p");
            assertThat(banner).contains(sim.url(), "ci", sim.caCertificateFile().toString())
                    .doesNotContain("canary-secret-123", "canary-token-456");
            assertThat(Http.to(sim, TlsTest.trusting(sim.caCertificatePem()))
                    .get("/api/v1/version", Http.basic("ci", "canary-secret-123")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void caFileImpliesTlsAndReceivesTheCertificateClientsMustTrust(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path caFile = dir.resolve("nested/ca.pem");
        CommandLine options = CommandLine.parse("--port", "0", "--ca-file", caFile.toString());
        assertThat(options.tls).isTrue();
        try (ConsoleSimulator sim = options.toBuilder().start()) {
            Main.exportCaCertificate(sim, options);
            String pem = java.nio.file.Files.readString(caFile);
            assertThat(pem).isEqualTo(sim.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Http.to(sim, TlsTest.trusting(pem)).get("/api/v1/version", Http.basic("admin", "admin")).statusCode())
                    .isEqualTo(200);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Main.printBanner(sim, options, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("CA certificate: " + caFile);
        }
        assertThatThrownBy(() -> CommandLine.parse("--ca-file")).hasMessageContaining("--ca-file needs a value");
    }

    @Test
    void bannerShowsTheDefaultLogin() throws Exception {
        CommandLine options = CommandLine.parse("--port", "0");
        try (ConsoleSimulator sim = options.toBuilder().start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Main.printBanner(sim, options, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("admin / admin", sim.url())
                    .doesNotContain("CA certificate");
        }
    }

    @Test
    void scanOptionsReachTheSimulator() throws Exception {
        CommandLine options = CommandLine.parse("--port", "0", "--registrar", "ci-registrar", "--registrar-password",
                "pw", "--reject-uncovered", "--console-rate-limit");

        try (ConsoleSimulator sim = options.toBuilder().start()) {
            Http http = Http.to(sim);
            HttpResponse<String> scan = http.post("/api/v1/registry/scan", "{\"onDemandScan\":true,"
                    + "\"tag\":{\"registry\":\"r.example\",\"repo\":\"a/b\",\"tag\":\"1\"}}", Http.basic("ci-registrar", "pw"));
            HttpResponse<String> uncovered = http.post("/api/v1/registry/scan", "{\"onDemandScan\":true,"
                    + "\"tag\":{\"registry\":\"r.example\",\"repo\":\"a/b\",\"tag\":\"1\"}}", Http.ADMIN);
            int settings = http.get("/api/v1/settings/registry", Http.basic("ci-registrar", "pw")).statusCode();
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                reads.add(http.get("/api/v1/registry", Http.ADMIN).statusCode());
            }

            assertThat(scan.statusCode()).isEqualTo(403);
            assertThat(uncovered.statusCode()).isEqualTo(400);
            assertThat(settings).isEqualTo(200);
            assertThat(reads.subList(0, 30)).containsOnly(200);
            assertThat(reads.get(30)).isEqualTo(429);
        }
    }
}
