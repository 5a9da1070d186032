package io.github.prismaregistry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this jar was built as, read from a resource the build fills in. */
final class Version {

    private Version() {
    }

    static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unknown is a fine answer for a version line.
        }
        return p.getProperty("version", "unknown");
    }
}
