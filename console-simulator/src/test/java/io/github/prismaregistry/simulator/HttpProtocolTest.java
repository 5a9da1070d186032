package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpProtocolTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(3));

    @Test
    void oneConnectionServesSeveralRequestsInARow() throws Exception {
        ConsoleSimulator sim = console.get();
        String get = "GET /api/v1/version HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN + "\r\n\r\n";
        String last = "GET /api/v1/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: " + ADMIN
                + "\r\n\r\n";

        // Pipelined on purpose: the second and third requests are sent before the first answer is read.
        String responses = new String(RawHttp.exchange(sim.port(), get + get + last), StandardCharsets.UTF_8);

        assertThat(responses.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(responses).endsWith("\"34.04.145\"").contains("Connection: close");
        assertThat(sim.requests()).hasSize(3);
    }

    @Test
    void chunkedRequestBodiesAreRead() throws Exception {
        ConsoleSimulator sim = console.get();
        String entry = "{\"version\":\"2\",\"repository\":\"chunked/app\"}";
        String request = "POST /api/v1/settings/registry HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + entry.substring(0, 10) + "\r\n"
                + Integer.toHexString(entry.length() - 10) + "\r\n" + entry.substring(10) + "\r\n0\r\n\r\n";

        String response = new String(RawHttp.exchange(sim.port(), request), StandardCharsets.UTF_8);

        assertThat(response).startsWith("HTTP/1.1 200 OK");
        assertThat(sim.specifications().get(3).get("repository").asText()).isEqualTo("chunked/app");
    }

    @Test
    void expectContinueGetsAnInterimResponseBeforeTheBody() throws Exception {
        ConsoleSimulator sim = console.get();
        byte[] entry = "{\"version\":\"2\",\"repository\":\"continued\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/settings/registry HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                    + "\r\nExpect: 100-continue\r\nContent-Length: " + entry.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            out.write(entry);
            out.flush();
            String rest = new String(RawHttp.readAll(in), StandardCharsets.UTF_8);

            assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            assertThat(rest).startsWith("HTTP/1.1 200 OK");
        }
        assertThat(sim.entryCount()).isEqualTo(4);
    }

    @Test
    void absoluteFormTargetsAsSentToAProxyAreServedByTheirPath() throws Exception {
        ConsoleSimulator sim = console.get();
        String response = new String(RawHttp.exchange(sim.port(), "GET http://127.0.0.1:" + sim.port()
                + "/api/v1/version?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: " + ADMIN
                + "\r\n\r\n"), StandardCharsets.UTF_8);

        assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("\"34.04.145\"");
        assertThat(sim.requests().get(0).path()).isEqualTo("/api/v1/version");
        assertThat(sim.requests().get(0).query()).isEqualTo("x=1");
    }

    @Test
    void malformedRequestLineGets400AndTheConnectionCloses() throws Exception {
        String response = new String(RawHttp.exchange(console.get().port(), "NONSENSE\r\n\r\n"),
                StandardCharsets.UTF_8);
        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").contains("Connection: close");
    }

    @Test
    void javaHttpClientWithDefaultHttp2UpgradeAttemptStillGetsHttp11Answers() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Http http = new Http(sim.url(), defaults);

        assertThat(http.get("/api/v1/settings/registry", ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/settings/registry", "{\"version\":\"2\",\"repository\":\"h2c\"}", ADMIN)
                .statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isEqualTo(4);
    }

    @Test
    void okHttpTalksToTheSimulatorWithKeepAlive() throws Exception {
        ConsoleSimulator sim = console.get();
        OkHttpClient client = new OkHttpClient();
        try {
            for (int i = 0; i < 3; i++) {
                Request post = new Request.Builder().url(sim.url() + "/api/v34.04/settings/registry?scanLater=true")
                        .header("Authorization", ADMIN)
                        .post(RequestBody.create("{\"version\":\"2\",\"repository\":\"ok/" + i + "\"}", JSON)).build();
                try (Response response = client.newCall(post).execute()) {
                    assertThat(response.code()).isEqualTo(200);
                }
            }
            Request get = new Request.Builder().url(sim.url() + "/api/v34.04/settings/registry")
                    .header("Authorization", ADMIN).build();
            try (Response response = client.newCall(get).execute()) {
                assertThat(ConsoleSimulator.MAPPER.readTree(response.body().string()).get("specifications"))
                        .hasSize(6);
            }
            assertThat(client.connectionPool().connectionCount()).isEqualTo(1);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void okHttpOverTlsWithTheSimulatorsCa() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().tls(true).start()) {
            SSLContext context = TlsTest.trusting(sim.caCertificatePem());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(
                            sim.caCertificatePem().getBytes(StandardCharsets.US_ASCII))));
            factory.init(store);
            X509TrustManager trustManager = (X509TrustManager) Arrays.stream(factory.getTrustManagers())
                    .filter(manager -> manager instanceof X509TrustManager).findFirst().orElseThrow();
            OkHttpClient client = new OkHttpClient.Builder()
                    .sslSocketFactory(context.getSocketFactory(), trustManager).build();
            try {
                Request get = new Request.Builder().url("https://localhost:" + sim.port() + "/api/v1/version")
                        .header("Authorization", ADMIN).build();
                try (Response response = client.newCall(get).execute()) {
                    assertThat(response.body().string()).isEqualTo("\"34.04.145\"");
                }
            } finally {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    @Test
    void okHttpSeesADroppedConnectionAsAnIoFailure() throws Exception {
        ConsoleSimulator sim = console.get();
        sim.inject(Fault.on("GET", "settings/registry").always().dropConnection());
        OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        try {
            Request get = new Request.Builder().url(sim.url() + "/api/v1/settings/registry")
                    .header("Authorization", ADMIN).build();
            assertThatThrownBy(() -> client.newCall(get).execute().close()).isInstanceOf(IOException.class);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
