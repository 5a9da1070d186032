package io.github.prismaregistry.api;

import java.util.Objects;

/**
 * How we prove who we are to the Console: a login (self-hosted user, or a SaaS access key ID and secret)
 * or a bare API token. {@link #toString()} never shows the secret.
 */
public final class ConsoleCredentials {

    private final String username;
    private final String secret;
    private final boolean token;

    private ConsoleCredentials(String username, String secret, boolean token) {
        this.username = username;
        this.secret = secret;
        this.token = token;
    }

    /** A login: exchanged for a Bearer token at {@code /authenticate}. */
    public static ConsoleCredentials usernamePassword(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        return new ConsoleCredentials(username, Objects.requireNonNull(password, "password"), false);
    }

    /** A pre-issued API token, sent as {@code Authorization: Bearer}. */
    public static ConsoleCredentials token(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        return new ConsoleCredentials(null, token, true);
    }

    public boolean isToken() {
        return token;
    }

    /** The user name, or {@code null} for a token. */
    public String username() {
        return username;
    }

    /** The password or token. Callers must never log it. */
    public String secret() {
        return secret;
    }

    /** Who is speaking, fit for messages: the user name, or "API token". */
    public String describe() {
        return token ? "API token" : "user '" + username + "'";
    }

    @Override
    public String toString() {
        return "ConsoleCredentials[" + describe() + ", secret=****]";
    }
}
