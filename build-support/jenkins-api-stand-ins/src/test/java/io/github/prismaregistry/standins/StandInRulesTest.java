package io.github.prismaregistry.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins promise three things: each says what it copies, none of them does anything, and none has a constructor
 * that the real class lacks.
 */
class StandInRulesTest {

    private static final Pattern HEADER = Pattern.compile(
            "// Compile-only stand-in of ([\\w.-]+:[\\w.-]+(:[\\w.-]+)?|[\\w.-]+:[\\w.-]+ \\([^)]*\\)), (\\S+\\.java)");

    private final Path sources = Path.of(System.getProperty("standIns.sources"));
    private final Path classes = Path.of(System.getProperty("standIns.classes"));

    @Test
    void everySourceNamesTheArtifactAndTheFileItCopies() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = files(sources, ".java");
        for (Path file : files) {
            String relative = sources.relativize(file).toString().replace('\\', '/');
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            Matcher m = HEADER.matcher(firstLine);
            if (!m.matches()) {
                problems.add(relative + ": first line is not a stand-in header: " + firstLine);
            } else if (!m.group(3).endsWith(relative)) {
                problems.add(relative + ": header names another file: " + m.group(3));
            }
        }
        assertThat(files).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStaticMethodThrowsInsteadOfPretendingToWork() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : standInClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || isEnumHelper(type, m)) {
                    continue;
                }
                m.setAccessible(true);
                checked++;
                try {
                    m.invoke(null, defaultArguments(m));
                    problems.add(type.getName() + "." + m.getName() + " returned normally");
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof UnsupportedOperationException) || !"stand-in".equals(cause.getMessage())) {
                        problems.add(type.getName() + "." + m.getName() + " threw " + cause);
                    }
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(problems).isEmpty();
    }

    /**
     * Java gives a class without constructors an implicit public one, and a private constructor is still a member: both
     * are easy to invent by accident. So every constructor of every compiled stand-in, implicit ones included, must be
     * listed in constructors.txt, where each line names the real source it was checked against.
     */
    @Test
    void everyConstructorIsOneListedAsCheckedAgainstTheRealSource() throws Exception {
        List<String> actual = new ArrayList<>();
        for (Class<?> type : standInClasses()) {
            if (type.isInterface()) {
                continue;
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (!c.isSynthetic()) {
                    actual.add(describe(c));
                }
            }
        }
        actual.sort(null);

        List<String> listed = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("constructors.txt")) {
            assertThat(in).as("constructors.txt next to this test").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int comment = line.indexOf('#');
                String entry = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!entry.isEmpty()) {
                    listed.add(entry);
                }
            }
        }
        listed.sort(null);

        assertThat(actual)
                .as("constructors of the compiled stand-ins; check new ones against the real source, then list them")
                .containsExactlyElementsOf(listed);
    }

    private static String describe(Constructor<?> c) {
        int access = c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE);
        String params = Arrays.stream(c.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(", "));
        String exceptions = Arrays.stream(c.getExceptionTypes()).map(Class::getTypeName).collect(Collectors.joining(", "));
        return (access == 0 ? "package-private" : Modifier.toString(access)) + " "
                + c.getDeclaringClass().getName() + "(" + params + ")"
                + (exceptions.isEmpty() ? "" : " throws " + exceptions);
    }

    private List<Class<?>> standInClasses() throws ClassNotFoundException, IOException {
        List<Class<?>> result = new ArrayList<>();
        for (Path file : files(classes, ".class")) {
            String relative = classes.relativize(file).toString().replace('\\', '/');
            String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            result.add(Class.forName(name, false, getClass().getClassLoader()));
        }
        return result;
    }

    private static boolean isEnumHelper(Class<?> type, Method m) {
        return type.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
    }

    private static Object[] defaultArguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == long.class) {
                args[i] = 0L;
            } else if (types[i].isPrimitive()) {
                throw new IllegalStateException("add a default for " + types[i] + " in " + m);
            }
        }
        return args;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
