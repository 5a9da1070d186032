package io.github.prismaregistry.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One parsed HTTP/1.x request as read from the socket. */
final class HttpRequest {

    final String method;
    final String path;
    final String rawQuery;
    final String httpVersion;
    final List<String[]> headers;
    final byte[] body;
    private Map<String, String> queryParameters;

    HttpRequest(String method, String target, String httpVersion, List<String[]> headers, byte[] body) {
        this.method = method;
        target = originForm(target);
        int question = target.indexOf('?');
        this.path = question < 0 ? target : target.substring(0, question);
        this.rawQuery = question < 0 ? null : target.substring(question + 1);
        this.httpVersion = httpVersion;
        this.headers = headers;
        this.body = body;
    }

    /** Requests sent as if to a proxy carry an absolute URL; only its path and query matter here. */
    private static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0 || target.startsWith("/")) {
            return target;
        }
        int path = target.indexOf('/', scheme + 3);
        int query = target.indexOf('?', scheme + 3);
        if (path < 0 || (query >= 0 && query < path)) {
            return "/" + (query < 0 ? "" : target.substring(query));
        }
        return target.substring(path);
    }

    String header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return header[1];
            }
        }
        return null;
    }

    boolean wantsKeepAlive() {
        String connection = header("Connection");
        boolean closeRequested = connection != null && hasToken(connection, "close");
        if ("HTTP/1.0".equals(httpVersion)) {
            // HTTP/1.0 clients rarely handle persistent connections well; close after the response.
            return false;
        }
        return !closeRequested;
    }

    /** Decoded query parameters, first value wins (as Go's url.Values.Get does). */
    Map<String, String> queryParameters() {
        if (queryParameters == null) {
            queryParameters = parseQuery(rawQuery);
        }
        return queryParameters;
    }

    /** Every value of a repeated query parameter, decoded, in order (empty when absent). */
    List<String> queryValues(String name) {
        List<String> values = new ArrayList<>(1);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (name.equals(decode(equals < 0 ? pair : pair.substring(0, equals)))) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    static boolean hasToken(String headerValue, String token) {
        for (String part : headerValue.split(",")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** Headers without Authorization, so the request log never holds credentials in header form. */
    Map<String, List<String>> headersWithoutCredentials() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String[] header : headers) {
            String name = header[0];
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")
                    || name.equalsIgnoreCase("x-redlock-auth") || name.equalsIgnoreCase("Cookie")) {
                continue;
            }
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>(1)).add(header[1]);
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }
}
