package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The console simulator in a process of its own, steered through its admin endpoints. With it, the live heap of
 * this JVM during an operation is the client's alone; with the in-process simulator it also holds the simulator's
 * own parse of a 9 MB PUT.
 */
final class ExternalSimulator implements AutoCloseable {

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ExternalSimulator(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code java -cp <this classpath> ...simulator.Main} on a free port and waits for its URL. */
    static ExternalSimulator start(String user, String password) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.github.prismaregistry.simulator.Main", "--port", "0", "--user", user, "--password", password,
                "--token-lifetime", "7200")
                .redirectErrorStream(true)
                .start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        StringBuilder printed = new StringBuilder();
        for (String line = lines.readLine(); line != null && url == null; line = lines.readLine()) {
            printed.append(line).append('\n');
            String trimmed = line.strip();
            if (trimmed.startsWith("URL:")) {
                url = trimmed.substring("URL:".length()).strip();
            }
        }
        if (url == null) {
            process.destroyForcibly();
            throw new IOException("the simulator process did not report its URL:\n" + printed);
        }
        Thread drain = new Thread(() -> {
            try {
                while (lines.readLine() != null) {
                    // keep its output pipe from filling up
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "external-simulator-output");
        drain.setDaemon(true);
        drain.start();
        return new ExternalSimulator(process, url);
    }

    String url() {
        return url;
    }

    void setSpecifications(List<ObjectNode> entries) throws IOException, InterruptedException {
        admin("PUT", "specifications", Json.bytes(Json.MAPPER.createArrayNode().addAll(entries)));
    }

    /** Every settings request waits {@code delay} first, so that the heap can be sampled while one is in flight. */
    void delaySettingsRequests(Duration delay) throws IOException, InterruptedException {
        admin("POST", "faults", ("{\"method\":\"*\",\"endpoint\":\"settings/registry\",\"always\":true,\"delayMillis\":"
                + delay.toMillis() + "}").getBytes(StandardCharsets.UTF_8));
    }

    void clearFaults() throws IOException, InterruptedException {
        admin("DELETE", "faults", null);
    }

    private void admin(String method, String action, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_simulator/" + action))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " _simulator/" + action + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
