package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.ProxySettings;
import java.net.URI;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the active settings.xml {@code <proxy>} for the Console URL's protocol and hands it to our client only
 * (never as JVM-wide system properties, which would leak into every other plugin of a parallel build).
 */
final class SettingsProxy {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsProxy(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The proxy to use for this Console, or {@code null} for a direct connection. */
    ProxySettings forConsole(String consoleUrl) throws MojoFailureException {
        String protocol = protocolOf(consoleUrl);
        if (settings == null || protocol == null) {
            return null;
        }
        Proxy proxy = activeProxy(protocol);
        // Like Maven's own resolver: an https address may go through the http proxy (CONNECT) when no https one exists.
        if (proxy == null && protocol.equals("https")) {
            proxy = activeProxy("http");
        }
        return proxy == null ? null : toProxySettings(decrypt(proxy));
    }

    private Proxy activeProxy(String protocol) {
        for (Proxy proxy : settings.getProxies()) {
            String proxyProtocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol().trim();
            if (proxy.isActive() && proxyProtocol.equalsIgnoreCase(protocol)) {
                return proxy;
            }
        }
        return null;
    }

    private Proxy decrypt(Proxy proxy) throws MojoFailureException {
        if (decrypter == null) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() == SettingsProblem.Severity.ERROR
                    || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
                throw new MojoFailureException("Could not decrypt the password of settings.xml <proxy> '" + proxy.getId()
                        + "': " + problem.getMessage());
            }
        }
        return result.getProxy();
    }

    private static ProxySettings toProxySettings(Proxy proxy) throws MojoFailureException {
        try {
            ProxySettings.Builder builder = ProxySettings.builder(proxy.getHost(), proxy.getPort())
                    .nonProxyHosts(proxy.getNonProxyHosts());
            if (proxy.getUsername() != null && !proxy.getUsername().isBlank()) {
                builder.credentials(proxy.getUsername(), proxy.getPassword());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The settings.xml <proxy> '" + proxy.getId() + "' is not usable: "
                    + e.getMessage());
        }
    }

    private static String protocolOf(String consoleUrl) {
        if (consoleUrl == null || consoleUrl.isBlank()) {
            return null;
        }
        try {
            String scheme = URI.create(consoleUrl.trim()).getScheme();
            return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // The engine reports a malformed URL against <consoleUrl>; no proxy decision to make here.
            return null;
        }
    }
}
