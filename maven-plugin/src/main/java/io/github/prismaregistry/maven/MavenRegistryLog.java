package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.RegistryLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the engine's progress messages to the Maven build log. */
final class MavenRegistryLog implements RegistryLog {

    private final Log log;

    MavenRegistryLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
