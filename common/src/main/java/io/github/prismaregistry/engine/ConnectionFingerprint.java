package io.github.prismaregistry.engine;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ProxySettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything about a connection that decides what the Console sees of a request (address, credentials, API version,
 * project, TLS, proxy, timeouts, retries), as a digest: registrations with equal fingerprints may share requests, and
 * no secret is kept in the clear.
 */
final class ConnectionFingerprint {

    private ConnectionFingerprint() {
    }

    static String of(ConsoleConnection c) {
        StringBuilder text = new StringBuilder();
        field(text, c.consoleUrl());
        field(text, c.apiVersion());
        field(text, c.project());
        field(text, c.credentials() == null ? null : String.valueOf(c.credentials().isToken()));
        field(text, c.credentials() == null ? null : c.credentials().username());
        field(text, c.credentials() == null ? null : c.credentials().secret());
        field(text, c.caCertificateFile() == null ? null : c.caCertificateFile().toAbsolutePath().toString());
        field(text, c.caCertificatePem());
        field(text, String.valueOf(c.insecureSkipTlsVerify()));
        ProxySettings proxy = c.proxy();
        field(text, proxy == null ? null : proxy.host() + ":" + proxy.port());
        field(text, proxy == null ? null : proxy.username());
        field(text, proxy == null ? null : proxy.password());
        field(text, proxy == null ? null : String.join(",", proxy.nonProxyHosts()));
        field(text, String.valueOf(c.connectTimeout()));
        field(text, String.valueOf(c.readTimeout()));
        field(text, String.valueOf(c.retries()));
        field(text, c.userAgent());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Length-prefixed, so that no two different connections run together into the same text. */
    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
    }
}
