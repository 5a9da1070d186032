package io.github.prismaregistry.jenkinsoffline;

import java.nio.file.Path;

/** Where this module's own fixture files are: a tiny sample plugin, good and broken. */
final class Fixtures {
    static final Path RESOURCES = Path.of("src", "test", "resources");
    static final Path VIEWS = RESOURCES.resolve("views");
    static final Path JELLY = RESOURCES.resolve("jelly");
    static final Path YAML = RESOURCES.resolve("yaml");
    static final Path FIXTURE_VIEWS = VIEWS.resolve(Path.of("io", "github", "prismaregistry", "jenkinsoffline", "fixtures"));

    private Fixtures() {}

    static PluginTree sampleTree() {
        return new PluginTree(VIEWS, Fixtures.class.getClassLoader());
    }
}
