package io.github.prismaregistry.jenkinsoffline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The real Jenkins plugin, as the build hands it to the tests: its folders and its compiled main classes. */
final class PluginUnderCheck {

    final Path pluginDir;
    final Path readme;
    final Path examplesDir;
    final Path classesDir;
    final PluginTree tree;

    PluginUnderCheck() {
        pluginDir = path("offlineCheck.pluginDir");
        readme = path("offlineCheck.readme");
        examplesDir = path("offlineCheck.examplesDir");
        classesDir = path("offlineCheck.classesDir");
        if (!Files.isDirectory(pluginDir.resolve("src/main/java"))) {
            throw new IllegalStateException("no Jenkins plugin sources at " + pluginDir + "/src/main/java");
        }
        tree = new PluginTree(pluginDir.resolve("src/main/resources"), getClass().getClassLoader());
    }

    /** The plugin's own classes: everything compiled into this module's main output. */
    List<Class<?>> classes() {
        return PluginTree.classesIn(classesDir, getClass().getClassLoader());
    }

    Path testResources() {
        return pluginDir.resolve("src/test/resources");
    }

    static final Set<String> STEP_TYPES = Set.of(
            "org.jenkinsci.plugins.workflow.steps.Step", "hudson.tasks.Builder");

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
