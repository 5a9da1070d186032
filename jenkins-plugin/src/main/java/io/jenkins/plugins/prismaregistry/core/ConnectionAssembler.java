package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import java.time.Duration;

/** Builds the engine's connection from the global settings, a per-step override, credentials and the proxy. */
public final class ConnectionAssembler {

    /** Where users set the global values; named in messages. */
    public static final String GLOBAL_SETTINGS_PAGE = "Manage Jenkins > System > Prisma Cloud Compute registry scanning";

    private ConnectionAssembler() {
    }

    /**
     * @param consoleUrlOverride the step's own {@code consoleUrl}, or {@code null} to use the global one
     * @param proxy {@code null} for a direct connection
     */
    public static ConsoleConnection assemble(ConnectionSettings settings, String consoleUrlOverride,
            ConsoleCredentials credentials, ProxySettings proxy, String userAgent) throws InvalidRequestException {
        String consoleUrl = Strings.firstNonBlank(consoleUrlOverride, settings.consoleUrl());
        if (consoleUrl == null) {
            throw new InvalidRequestException("consoleUrl", "No Prisma Cloud Compute Console URL is set. Set it in "
                    + GLOBAL_SETTINGS_PAGE + " or pass consoleUrl to the step.");
        }
        return ConsoleConnection.builder(consoleUrl)
                .apiVersion(settings.apiVersion())
                .project(settings.project())
                .caCertificatePem(settings.caCertificate())
                .insecureSkipTlsVerify(settings.skipTlsVerify())
                .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()))
                .readTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()))
                .retries(settings.retries())
                .credentials(credentials)
                .proxy(proxy)
                .userAgent(userAgent)
                .build();
    }
}
