package io.jenkins.plugins.prismaregistry.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What may reach Pipeline state, build.xml and the global configuration: JDK and Jenkins core types only. Classes of
 * the bundled engine jar are rejected by Jenkins' class filter (its manifest is not a plugin manifest), so an object
 * of theirs in a returned Map, a stored field or an exception chain breaks serialisation; see
 * docs/jenkins-pipeline-state.md.
 */
public final class PlainTypes {

    private PlainTypes() {
    }

    /** A class of the JDK (boot or platform loader) or of Jenkins core ({@code hudson.*}, {@code jenkins.*}). */
    public static boolean isPlain(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return true;
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        String name = type.getName();
        return name.startsWith("hudson.") || name.startsWith("jenkins.");
    }

    /** The throwable, its causes and its suppressed exceptions, all the way down, are of plain classes. */
    public static boolean isPlainChain(Throwable t) {
        return isPlainChain(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isPlainChain(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return true;
        }
        if (!isPlain(t.getClass()) || !isPlainChain(t.getCause(), seen)) {
            return false;
        }
        for (Throwable s : t.getSuppressed()) {
            if (!isPlainChain(s, seen)) {
                return false;
            }
        }
        return true;
    }
}
