package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(20));

    private TinyProxy proxy;

    @AfterEach
    void stopProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void requestsGoThroughTheConfiguredProxyWithItsCredentials() throws Exception {
        ConsoleSimulator sim = simulator.get();
        proxy = new TinyProxy("proxy-user", "proxy-pass-99");

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(connection(sim)
                .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("proxy-user", "proxy-pass-99").build()).build())) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(proxy.forwarded).anyMatch(line -> line.startsWith("POST " + sim.url() + "/api/v34.04/settings/registry"));
        assertThat(proxy.forwarded).hasSameSizeAs(sim.requests());
        assertThat(proxy.challenged).isZero(); // credentials are sent up front, so even the POST passes
        assertThat(log.all()).doesNotContain("proxy-pass-99");
    }

    @Test
    void wrongProxyCredentialsAreReportedAsAProxyProblem() throws Exception {
        ConsoleSimulator sim = simulator.get();
        proxy = new TinyProxy("proxy-user", "proxy-pass-99");

        try (RegistryRegistrar registrar = registrar(connection(sim)
                .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("proxy-user", "wrong-proxy-pass").build()).build())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleUnreachableException.class)
                    .hasMessageContaining("127.0.0.1:" + proxy.port())
                    .hasMessageContaining("407")
                    .hasMessageContaining("proxy user name and password")
                    .hasMessageNotContaining("wrong-proxy-pass");
        }
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void hostsListedInNonProxyHostsAreReachedDirectly() throws Exception {
        ConsoleSimulator sim = simulator.get();
        proxy = new TinyProxy(null, null);

        try (RegistryRegistrar registrar = registrar(connection(sim)
                .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).nonProxyHosts("localhost|127.0.0.*").build()).build())) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
        }

        assertThat(proxy.forwarded).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(21);
    }

    /** A minimal HTTP forward proxy: one request per connection, optional Basic proxy authentication. */
    static final class TinyProxy implements AutoCloseable {
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        volatile int challenged;
        private final ServerSocket server;
        private final String expectedAuth;

        TinyProxy(String user, String password) throws IOException {
            this.server = new ServerSocket(0);
            this.expectedAuth = user == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
            Thread t = new Thread(this::acceptLoop, "tiny-proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> handle(client), "tiny-proxy-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                while (true) {
                    String requestLine = readLine(in);
                    if (requestLine == null || requestLine.isEmpty()) {
                        return;
                    }
                    List<String> headers = new ArrayList<>();
                    int length = 0;
                    String auth = null;
                    for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                        String lower = h.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            length = Integer.parseInt(h.substring(15).trim());
                        }
                        if (lower.startsWith("proxy-authorization:")) {
                            auth = h.substring(20).trim();
                            continue;
                        }
                        if (lower.startsWith("proxy-connection:") || lower.startsWith("connection:")) {
                            continue;
                        }
                        headers.add(h);
                    }
                    byte[] body = in.readNBytes(length);
                    if (expectedAuth != null && !expectedAuth.equals(auth)) {
                        challenged++;
                        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\n"
                                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        continue;
                    }
                    forwarded.add(requestLine);
                    String[] parts = requestLine.split(" ");
                    URI target = URI.create(parts[1]);
                    try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                        OutputStream up = upstream.getOutputStream();
                        StringBuilder sb = new StringBuilder(parts[0] + " " + target.getRawPath()
                                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
                        headers.forEach(h -> sb.append(h).append("\r\n"));
                        sb.append("Connection: close\r\n\r\n");
                        up.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                        up.write(body);
                        up.flush();
                        // Relay the whole response, then close: the client sees Connection: close semantics.
                        upstream.getInputStream().transferTo(out);
                        out.flush();
                    }
                    return;
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
