package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class TlsTest {

    static SSLContext trusting(String pem) throws Exception {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        trustStore.setCertificateEntry("simulator-ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void clientTrustingTheGeneratedCaTalksHttpsByIpAndByLocalhost() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().tls(true).seed(3).start()) {
            SSLContext context = trusting(Files.readString(sim.caCertificateFile()));

            assertThat(sim.url()).startsWith("https://127.0.0.1:");
            assertThat(Http.to(sim, context).get("/api/v1/settings/registry", ADMIN).statusCode()).isEqualTo(200);
            HttpClient byName = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5))
                    .build();
            assertThat(new Http("https://localhost:" + sim.port(), byName).get("/api/v1/version", ADMIN).body())
                    .isEqualTo("\"34.04.145\"");
        }
    }

    @Test
    void caFileHoldsThePemText() throws Exception {
        Path file;
        try (ConsoleSimulator sim = ConsoleSimulator.builder().tls(true).start()) {
            file = sim.caCertificateFile();
            assertThat(Files.readString(file)).isEqualTo(sim.caCertificatePem())
                    .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void clientWithDefaultTrustRejectsTheServer() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().tls(true).start()) {
            assertThatThrownBy(() -> Http.to(sim).get("/api/v1/version", ADMIN))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void anotherSimulatorsCaIsNotTrusted() throws Exception {
        try (ConsoleSimulator first = ConsoleSimulator.builder().tls(true).start();
                ConsoleSimulator second = ConsoleSimulator.builder().tls(true).start()) {
            assertThat(first.caCertificatePem()).isNotEqualTo(second.caCertificatePem());
            assertThatThrownBy(() -> Http.to(second, trusting(first.caCertificatePem())).get("/api/v1/version", ADMIN))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainSimulatorHasNoCa() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            assertThat(sim.isTls()).isFalse();
            assertThatThrownBy(sim::caCertificateFile).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tls(true)");
        }
    }
}
