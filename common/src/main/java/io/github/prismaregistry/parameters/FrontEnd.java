package io.github.prismaregistry.parameters;

/**
 * The tools a user drives. Some parameters exist only where they make sense: settings.xml {@code serverId} in Maven,
 * Jenkins {@code credentialsId}, a plain {@code password} on the command line.
 */
public enum FrontEnd {
    MAVEN,
    JENKINS,
    CLI
}
