package io.github.prismaregistry.console;

import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.api.InvalidRequestException;
import okhttp3.HttpUrl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validated Console address: http(s), host, optional port and path prefix; never user info, query or fragment. */
public final class ConsoleUrl {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");

    private final HttpUrl base;
    private final String display;

    private ConsoleUrl(HttpUrl base, String display) {
        this.base = base;
        this.display = display;
    }

    public static ConsoleUrl parse(String url) throws InvalidRequestException {
        return parse(url, ParameterNaming.PLAIN);
    }

    /** Parses the address; a mistake is reported naming the parameter as {@code naming} spells it. */
    public static ConsoleUrl parse(String url, ParameterNaming naming) throws InvalidRequestException {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " is required: the address of the Prisma Cloud Compute console, "
                    + "e.g. https://console.example.com:8083 (SaaS: the 'Path to Console' such as https://us-west1.cloud.twistlock.com/us-3-123456)");
        }
        String u = url.trim();
        Matcher m = SCHEME.matcher(u);
        if (!m.find()) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " '" + u + "' has no scheme; write it as https://" + u);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " must start with https:// (or http://), not " + scheme + "://");
        }
        String authority = u.substring(m.end()).split("[/?#]", 2)[0];
        if (authority.contains("@")) {
            // Never echo the value: it holds a password.
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " must not contain a user name or password; "
                    + "remove them from the address and give them as credentials");
        }
        HttpUrl parsed = HttpUrl.parse(u);
        if (parsed == null || authority.isEmpty()) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " '" + u + "' is not a valid address; expected e.g. https://console.example.com:8083");
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " '" + u + "' must not have a query or fragment; "
                    + "give the project with the project parameter");
        }
        String path = parsed.encodedPath().replaceAll("/+$", "");
        if (path.endsWith("/api") || path.contains("/api/")) {
            throw new InvalidRequestException("consoleUrl", naming.spell(Parameters.CONSOLE_URL) + " '" + u + "' should be the console address without /api/...; "
                    + "e.g. https://console.example.com:8083");
        }
        HttpUrl base = parsed.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
        String display = base.toString().replaceAll("/+$", "");
        return new ConsoleUrl(base, display);
    }

    /** {@code <base>/api/<version>/<endpoint>} with the prefix kept. */
    public HttpUrl.Builder api(String apiVersion, String endpoint) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("api").addPathSegment(apiVersion);
        return b.addPathSegments(endpoint);
    }

    public String host() {
        return base.host();
    }

    public int port() {
        return base.port();
    }

    /** The console runs on this machine (no network between us). */
    public boolean isLoopback() {
        String h = base.host().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    public boolean isHttps() {
        return base.isHttps();
    }

    /** The address for messages and results (it never holds a secret). */
    @Override
    public String toString() {
        return display;
    }

    /** Identifies one Console for the in-JVM write lock: scheme, host, port and prefix, case-folded where that is safe. */
    public String lockKey() {
        return base.scheme() + "://" + base.host().toLowerCase(Locale.ROOT) + ":" + base.port() + base.encodedPath().replaceAll("/+$", "");
    }
}
