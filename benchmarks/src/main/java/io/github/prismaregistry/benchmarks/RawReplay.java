package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The floor: the plain JDK client sending the captured requests one after the other, reading every response into
 * a byte array and parsing nothing. Whatever our engine spends above this is our own cost.
 */
final class RawReplay {

    private final HttpClient client = HttpClient.newBuilder()
            // OkHttp speaks HTTP/1.1 to a cleartext console; the JDK would otherwise try an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String origin;
    private final String basic;
    private final String bearer;

    private RawReplay(String origin, String basic, String bearer) {
        this.origin = origin;
        this.basic = basic;
        this.bearer = bearer;
    }

    /** Logs in once (outside any timed loop) and keeps the token, as the reused registrar does. */
    static RawReplay login(String consoleUrl, String user, String password) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        RawReplay anonymous = new RawReplay(originOf(consoleUrl), basic, null);
        ObjectMapper mapper = new ObjectMapper();
        byte[] credentials = mapper.writeValueAsBytes(java.util.Map.of("username", user, "password", password));
        HttpRequest login = HttpRequest.newBuilder(URI.create(consoleUrl + "/api/v1/authenticate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(credentials)).build();
        HttpResponse<byte[]> response = anonymous.client.send(login, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("raw login answered " + response.statusCode());
        }
        String token = mapper.readTree(response.body()).path("token").asText();
        return new RawReplay(anonymous.origin, basic, "Bearer " + token);
    }

    /** Sends every request in order; returns the bytes received (bodies only). */
    long replay(List<CapturedRequest> requests) throws IOException, InterruptedException {
        long received = 0;
        for (CapturedRequest r : requests) {
            received += send(r).length;
        }
        return received;
    }

    byte[] get(String pathAndQuery) throws IOException, InterruptedException {
        return send(new CapturedRequest("GET", null, pathAndQuery, null, new byte[0], "Bearer"));
    }

    byte[] put(String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        return send(new CapturedRequest("PUT", null, pathAndQuery, "application/json", body, "Bearer"));
    }

    private byte[] send(CapturedRequest r) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = r.body().length == 0 && !"POST".equals(r.method()) && !"PUT".equals(r.method())
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + r.pathAndQuery()))
                .method(r.method(), body);
        if (r.contentType() != null) {
            request.header("Content-Type", r.contentType());
        }
        if ("Bearer".equals(r.authScheme())) {
            request.header("Authorization", bearer);
        } else if ("Basic".equals(r.authScheme())) {
            request.header("Authorization", basic);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(r.method() + " " + r.pathAndQuery() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
