package io.github.prismaregistry.benchmarks;

import io.github.prismaregistry.simulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One request of the engine's sequence, kept byte for byte so the raw client can send exactly the same. */
record CapturedRequest(String method, String endpoint, String pathAndQuery, String contentType, byte[] body,
        String authScheme) {

    static List<CapturedRequest> fromLog(List<RecordedRequest> log) {
        List<CapturedRequest> captured = new ArrayList<>();
        for (RecordedRequest r : log) {
            String body = r.body();
            if (body == null) {
                throw new IllegalStateException("the simulator's request log dropped the body of " + r
                        + "; raise its requestLogLimit");
            }
            captured.add(new CapturedRequest(r.method(), r.endpoint(),
                    r.path() + (r.query() == null ? "" : "?" + r.query()), r.header("Content-Type"),
                    body.getBytes(StandardCharsets.UTF_8), r.authScheme()));
        }
        return captured;
    }

    boolean isSettings() {
        return "settings/registry".equals(endpoint);
    }

    boolean isWrite() {
        return isSettings() && ("POST".equals(method) || "PUT".equals(method));
    }

    String describe() {
        return String.format("%-4s %s  auth=%s  body=%,d B", method, pathAndQuery,
                authScheme == null ? "none" : authScheme, body.length);
    }
}
