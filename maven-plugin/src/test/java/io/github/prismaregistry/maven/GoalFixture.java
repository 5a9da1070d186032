package io.github.prismaregistry.maven;

import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/** A goal set up as Maven would inject it, with a settings.xml server holding the simulator's login. */
final class GoalFixture {

    private GoalFixture() {
    }

    static <T extends ConsoleMojo> T configure(T mojo, String consoleUrl, String user, String password, Path dir, Log log) {
        Server server = new Server();
        server.setId("prisma-cloud");
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        MavenProject project = new MavenProject();
        project.setArtifactId("checkout");
        project.setPackaging("jar");

        mojo.settings = settings;
        mojo.mavenProject = project;
        mojo.consoleUrl = consoleUrl;
        mojo.serverId = "prisma-cloud";
        mojo.connectTimeout = "10";
        mojo.readTimeout = "60";
        mojo.retries = "3";
        mojo.failOnError = "true";
        mojo.outputDirectory = dir.resolve("prisma-registry").toFile();
        mojo.jibImageJson = dir.resolve("jib-image.json").toFile();
        mojo.setLog(log);
        return mojo;
    }
}
