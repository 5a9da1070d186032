package io.github.prismaregistry.jenkinsoffline;

import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reflection over the Stapler/Jenkins conventions, by annotation and class name so it works on any class loader. */
final class Describables {

    static final String DATA_BOUND_CONSTRUCTOR = "org.kohsuke.stapler.DataBoundConstructor";
    static final String DATA_BOUND_SETTER = "org.kohsuke.stapler.DataBoundSetter";
    static final String QUERY_PARAMETER = "org.kohsuke.stapler.QueryParameter";
    static final String ANCESTOR_IN_PATH = "org.kohsuke.stapler.AncestorInPath";
    static final String RELATIVE_PATH = "hudson.RelativePath";
    static final String POST = "org.kohsuke.stapler.verb.POST";
    static final String REQUIRE_POST = "org.kohsuke.stapler.interceptor.RequirePOST";
    static final String EXTENSION = "hudson.Extension";
    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String DESCRIPTOR = "hudson.model.Descriptor";
    static final String GLOBAL_CONFIGURATION = "jenkins.model.GlobalConfiguration";

    private Describables() {}

    static boolean has(java.lang.reflect.AnnotatedElement element, String annotation) {
        return annotation(element, annotation).isPresent();
    }

    static Optional<Annotation> annotation(java.lang.reflect.AnnotatedElement element, String annotation) {
        return Arrays.stream(element.getAnnotations())
                .filter(a -> a.annotationType().getName().equals(annotation))
                .findFirst();
    }

    static boolean isSubclassOf(Class<?> type, String superType) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(superType)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDescriptor(Class<?> type) {
        return isSubclassOf(type, DESCRIPTOR);
    }

    static boolean isGlobalConfiguration(Class<?> type) {
        return isSubclassOf(type, GLOBAL_CONFIGURATION);
    }

    static Optional<Constructor<?>> dataBoundConstructor(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> has(c, DATA_BOUND_CONSTRUCTOR))
                .findFirst();
    }

    /** The names Stapler binds through the constructor: its parameter names. */
    static Set<String> constructorFields(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        dataBoundConstructor(type).ifPresent(c -> {
            for (Parameter p : c.getParameters()) {
                if (!p.isNamePresent()) {
                    throw new IllegalStateException("compile with -parameters: no parameter names in " + c);
                }
                names.add(p.getName());
            }
        });
        return names;
    }

    /** Properties with a {@code @DataBoundSetter} method or field, declared anywhere in the class's own hierarchy. */
    static Set<String> dataBoundSetterFields(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (has(m, DATA_BOUND_SETTER) && m.getName().startsWith("set") && m.getName().length() > 3) {
                    names.add(Introspector.decapitalize(m.getName().substring(3)));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (has(f, DATA_BOUND_SETTER)) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    /**
     * Bean properties with a public one-argument setter and a public getter, declared by the plugin's own classes
     * (not by the Jenkins base classes): what {@code bindJSON(this, json)} and configuration-as-code write.
     */
    static Set<String> beanProperties(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Method m : type.getMethods()) {
            if (isJenkinsClass(m.getDeclaringClass()) || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = m.getName();
            if (name.startsWith("set") && name.length() > 3 && m.getParameterCount() == 1) {
                String property = Introspector.decapitalize(name.substring(3));
                if (getter(type, property).isPresent()) {
                    names.add(property);
                }
            }
        }
        return names;
    }

    /** The public getter ({@code getX}, or {@code isX} for booleans) of a property, as Jelly's {@code instance[field]} reads it. */
    static Optional<Method> getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                Method m = type.getMethod(prefix + suffix);
                if (!Modifier.isStatic(m.getModifiers())
                        && (prefix.equals("get") || m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                    return Optional.of(m);
                }
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return Optional.empty();
    }

    static boolean hasPublicField(Class<?> type, String property) {
        try {
            Field f = type.getField(property);
            return !Modifier.isStatic(f.getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Every name a form may bind on this class. */
    static Set<String> bindableFields(Class<?> type) {
        Set<String> names = new LinkedHashSet<>(constructorFields(type));
        names.addAll(dataBoundSetterFields(type));
        if (isGlobalConfiguration(type)) {
            names.addAll(beanProperties(type));
        }
        return names;
    }

    /** The fields that need a {@code help-<field>.html}: constructor parameters and {@code @DataBoundSetter} properties. */
    static Set<String> documentedFields(Class<?> type) {
        Set<String> names = new LinkedHashSet<>(constructorFields(type));
        names.addAll(dataBoundSetterFields(type));
        return names;
    }

    /**
     * The descriptor that serves a view's web methods ({@code doFill...}, {@code doCheck...}): a global configuration
     * is its own descriptor; otherwise the nested descriptor class of the describable.
     */
    static Optional<Class<?>> descriptorOf(Class<?> owner) {
        if (isDescriptor(owner)) {
            return Optional.of(owner);
        }
        return Arrays.stream(owner.getDeclaredClasses())
                .filter(Describables::isDescriptor)
                .<Class<?>>map(c -> c)
                .findFirst();
    }

    static boolean isJenkinsClass(Class<?> type) {
        String name = type.getName();
        return name.startsWith("hudson.") || name.startsWith("jenkins.") || name.startsWith("org.kohsuke.")
                || name.startsWith("org.jenkinsci.plugins.workflow.") || name.startsWith("com.cloudbees.")
                || name.startsWith("java.");
    }

    static String capitalize(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
