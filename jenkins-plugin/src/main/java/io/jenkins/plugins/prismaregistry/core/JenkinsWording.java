package io.jenkins.plugins.prismaregistry.core;

/**
 * The engine names settings as the Maven goal does; the few that Jenkins calls differently are renamed in messages,
 * so that advice such as "set insecureSkipTlsVerify" points at a field the Jenkins user can find.
 */
public final class JenkinsWording {

    private JenkinsWording() {
    }

    public static String of(String engineMessage) {
        return engineMessage == null ? null : engineMessage.replace("insecureSkipTlsVerify", "skipTlsVerify");
    }
}
