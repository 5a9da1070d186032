package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;

/** Builds the engine's connection from the checked values (step over global), credentials and the proxy. */
public final class ConnectionAssembler {

    /** Where users set the global values; named in messages. */
    public static final String GLOBAL_SETTINGS_PAGE = "Manage Jenkins > System > Prisma Cloud Compute registry scanning";

    private ConnectionAssembler() {
    }

    /** @param proxy {@code null} for a direct connection */
    public static ConsoleConnection assemble(ParameterValues values, ConsoleCredentials credentials, ProxySettings proxy,
            String userAgent) throws InvalidRequestException {
        if (values.get(Parameters.CONSOLE_URL) == null) {
            throw new InvalidRequestException(Parameters.CONSOLE_URL.name(), "No Prisma Cloud Compute Console URL is set."
                    + " Set it in " + GLOBAL_SETTINGS_PAGE + " or pass consoleUrl to the step.");
        }
        return values.consoleConnection()
                .credentials(credentials)
                .proxy(proxy)
                .userAgent(userAgent)
                .build();
    }
}
