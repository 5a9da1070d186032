package io.github.prismaregistry.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/** A thin java.net.http client for talking to a simulator in tests. */
final class Http {

    static final String ADMIN = basic("admin", "admin");

    private final HttpClient client;
    private final String baseUrl;

    Http(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    Http(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    static Http to(ConsoleSimulator sim) {
        return new Http(sim.url());
    }

    static Http to(ConsoleSimulator sim, SSLContext sslContext) {
        return new Http(sim.url(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).sslContext(sslContext).build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return send("GET", path, null, authorization);
    }

    HttpResponse<String> post(String path, String body, String authorization)
            throws IOException, InterruptedException {
        return send("POST", path, body, authorization);
    }

    HttpResponse<String> put(String path, String body, String authorization) throws IOException, InterruptedException {
        return send("PUT", path, body, authorization);
    }

    HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        return send(method, path, body, authorization, Duration.ofSeconds(20));
    }

    HttpResponse<String> send(String method, String path, String body, String authorization, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs in through /authenticate and returns the token. */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/authenticate",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return ConsoleSimulator.MAPPER.readTree(response.body()).get("token").asText();
    }
}
