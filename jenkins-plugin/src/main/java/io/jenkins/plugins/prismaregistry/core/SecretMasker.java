package io.jenkins.plugins.prismaregistry.core;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces known secrets in text before it reaches the build log or a file. The engine never prints secrets;
 * this is a second line of defence for messages that quote something the Console or a proxy sent back.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    private final List<String> secrets = new ArrayList<>();

    /** Adds a secret, with the encodings it could appear in (URL-encoded, JSON string, HTTP Basic). */
    public synchronized SecretMasker add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return this;
        }
        remember(secret);
        remember(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        // Result files are masked after JSON serialisation, where a secret with '"' or '\' appears escaped; so
        // does a secret inside a JSON body the Console or a proxy quotes back.
        remember(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
        return this;
    }

    /** Adds a login, including the {@code user:password} Base64 form of an HTTP Basic header. */
    public synchronized SecretMasker addLogin(String username, String password) {
        add(password);
        if (username != null && password != null && !password.isEmpty()) {
            remember(Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    public synchronized String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private void remember(String value) {
        if (!secrets.contains(value)) {
            secrets.add(value);
            // Longest first, so a secret that contains another is masked as a whole.
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }
}
