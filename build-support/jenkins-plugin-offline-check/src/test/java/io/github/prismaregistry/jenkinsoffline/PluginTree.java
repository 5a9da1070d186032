package io.github.prismaregistry.jenkinsoffline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A plugin's resources and compiled classes: where its views are and which class each view belongs to. */
final class PluginTree {

    private final Path resources;
    private final ClassLoader classLoader;

    PluginTree(Path resources, ClassLoader classLoader) {
        this.resources = resources;
        this.classLoader = classLoader;
    }

    Path resources() {
        return resources;
    }

    List<Path> jellyFiles() {
        return files(resources, ".jelly");
    }

    /** Views whose fields are data-bound: a describable's {@code config.jelly}, a descriptor's {@code global.jelly}. */
    List<Path> formViews() {
        return jellyFiles().stream()
                .filter(p -> p.getFileName().toString().equals("config.jelly")
                        || p.getFileName().toString().equals("global.jelly"))
                .toList();
    }

    /**
     * The class a view belongs to, found the way Stapler finds views: {@code a/b/C/config.jelly} is a view of
     * {@code a.b.C}, and {@code a/b/C/D/config.jelly} one of the nested class {@code a.b.C$D}.
     */
    Optional<Class<?>> ownerOf(Path view) {
        Path dir = resources.relativize(view.getParent());
        List<String> segments = new ArrayList<>();
        dir.forEach(p -> segments.add(p.toString()));
        for (int split = segments.size() - 1; split >= 1; split--) {
            String name = String.join(".", segments.subList(0, split))
                    + "." + String.join("$", segments.subList(split, segments.size()));
            try {
                return Optional.of(Class.forName(name, false, classLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try a shorter package: the class may be nested
            }
        }
        return Optional.empty();
    }

    /** Every class compiled into a classes directory, loaded without running static initialisers. */
    static List<Class<?>> classesIn(Path classesDir, ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (Path file : files(classesDir, ".class")) {
            String relative = classesDir.relativize(file).toString();
            String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled class not loadable: " + name, e);
            }
        }
        return classes;
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
