package io.jenkins.plugins.prismaregistry.core;

import java.net.URI;
import java.net.URISyntaxException;

/** Form validation of the Console address, without contacting it. */
public final class ConsoleUrlCheck {

    public enum Level { OK, WARNING, ERROR }

    public record Outcome(Level level, String message) {
    }

    private ConsoleUrlCheck() {
    }

    public static Outcome check(String value) {
        String url = Strings.blankToNull(value);
        if (url == null) {
            return new Outcome(Level.WARNING, "Required, unless every step passes its own consoleUrl.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Outcome(Level.ERROR, "Not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return new Outcome(Level.ERROR, "Use the Console address with https://, for example https://console.example.com:8083"
                    + " or the SaaS path https://us-east1.cloud.twistlock.com/us-3-123456789.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return new Outcome(Level.ERROR, "The URL has no host name.");
        }
        if (uri.getUserInfo() != null) {
            return new Outcome(Level.ERROR, "Do not put a user name or password in the URL; choose credentials instead.");
        }
        if (uri.getPath() != null && uri.getPath().matches(".*/api(/.*)?")) {
            return new Outcome(Level.WARNING, "Give the Console address only; the plugin adds /api/<version>/ itself.");
        }
        if (scheme.equalsIgnoreCase("http")) {
            return new Outcome(Level.WARNING, "Plain HTTP sends the credentials unencrypted. Use https:// unless this is a test Console.");
        }
        return new Outcome(Level.OK, null);
    }
}
