package io.github.prismaregistry.jenkinsoffline;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Stapler, SezPoz and Jenkins' web-method routing apply at run time (and partly in their annotation
 * processors), checked by reflection so that breaking one fails this build instead of a Jenkins instance.
 */
final class StaplerRules {

    private static final Pattern WEB_METHOD = Pattern.compile("do[A-Z].*");
    private static final Pattern READ_ONLY_WEB_METHOD = Pattern.compile("do(Fill[A-Z]\\w*Items|Check[A-Z]\\w*|AutoComplete[A-Z]\\w*)");
    private static final Set<String> INJECTED_TYPES = Set.of(
            "org.kohsuke.stapler.StaplerRequest2", "org.kohsuke.stapler.StaplerResponse2",
            "org.kohsuke.stapler.StaplerRequest", "org.kohsuke.stapler.StaplerResponse");

    private StaplerRules() {}

    static List<String> check(Class<?> type) {
        List<String> problems = new ArrayList<>();
        checkDataBoundConstructor(type, problems);
        checkExtension(type, problems);
        checkDataBoundSetters(type, problems);
        if (Describables.isDescriptor(type)) {
            checkWebMethods(type, problems);
        }
        return problems;
    }

    private static void checkDataBoundConstructor(Class<?> type, List<String> problems) {
        List<Constructor<?>> annotated = Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> Describables.has(c, Describables.DATA_BOUND_CONSTRUCTOR))
                .toList();
        if (annotated.isEmpty()) {
            return;
        }
        if (annotated.size() > 1) {
            problems.add(type.getName() + ": more than one @DataBoundConstructor");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            problems.add(type.getName() + ": has a @DataBoundConstructor but is not public, so Stapler cannot instantiate it");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            problems.add(type.getName() + ": @DataBoundConstructor on an abstract class (only concrete subclasses can be bound)");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add(type.getName() + ": has a @DataBoundConstructor but is an inner (non-static) class");
        }
        for (Constructor<?> c : annotated) {
            if (!Modifier.isPublic(c.getModifiers())) {
                problems.add(type.getName() + ": @DataBoundConstructor must be public: " + c);
            }
        }
    }

    private static void checkExtension(Class<?> type, List<String> problems) {
        if (Describables.has(type, Describables.EXTENSION)) {
            if (!Modifier.isPublic(type.getModifiers())) {
                problems.add(type.getName() + ": @Extension class must be public");
            }
            if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
                problems.add(type.getName() + ": @Extension nested class must be static");
            }
            if (type.isLocalClass() || type.isAnonymousClass()) {
                problems.add(type.getName() + ": @Extension on a local or anonymous class is never found");
            }
            if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                problems.add(type.getName() + ": @Extension on an abstract type cannot be instantiated");
            }
            boolean publicNoArg = Arrays.stream(type.getDeclaredConstructors())
                    .anyMatch(c -> c.getParameterCount() == 0 && Modifier.isPublic(c.getModifiers()));
            if (!publicNoArg) {
                problems.add(type.getName() + ": @Extension class needs a public no-argument constructor");
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Describables.has(m, Describables.EXTENSION)
                    && !(Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)) {
                problems.add(type.getName() + "." + m.getName() + ": @Extension factory methods must be public static and take no argument");
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Describables.has(f, Describables.EXTENSION)
                    && !(Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()))) {
                problems.add(type.getName() + "." + f.getName() + ": @Extension fields must be public static");
            }
        }
    }

    private static void checkDataBoundSetters(Class<?> type, List<String> problems) {
        for (Method m : type.getDeclaredMethods()) {
            if (!Describables.has(m, Describables.DATA_BOUND_SETTER)) {
                continue;
            }
            String where = type.getName() + "." + m.getName() + ": @DataBoundSetter";
            if (!Modifier.isPublic(m.getModifiers())) {
                problems.add(where + " must be public (Stapler finds setters through the bean introspector)");
            }
            if (Modifier.isStatic(m.getModifiers())) {
                problems.add(where + " must not be static");
            }
            if (!m.getName().matches("set[A-Z].*")) {
                problems.add(where + " must be named setX for property x");
            }
            if (m.getParameterCount() != 1) {
                problems.add(where + " must take exactly one parameter");
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Describables.has(f, Describables.DATA_BOUND_SETTER)
                    && (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()))) {
                problems.add(type.getName() + "." + f.getName() + ": @DataBoundSetter field must be neither static nor final");
            }
        }
    }

    private static void checkWebMethods(Class<?> type, List<String> problems) {
        for (Method m : type.getDeclaredMethods()) {
            if (!WEB_METHOD.matcher(m.getName()).matches() || m.isSynthetic()) {
                continue;
            }
            String where = type.getName() + "." + m.getName();
            boolean readOnly = READ_ONLY_WEB_METHOD.matcher(m.getName()).matches();
            if (!Modifier.isPublic(m.getModifiers())) {
                if (readOnly || m.getName().startsWith("doTest")) {
                    problems.add(where + ": web methods must be public, or Stapler never routes to them");
                }
                continue;
            }
            for (Parameter p : m.getParameters()) {
                boolean injected = Describables.has(p, Describables.QUERY_PARAMETER)
                        || Describables.has(p, Describables.ANCESTOR_IN_PATH)
                        || INJECTED_TYPES.contains(p.getType().getName());
                if (!injected) {
                    problems.add(where + ": parameter '" + p.getName() + "' is neither @QueryParameter nor @AncestorInPath,"
                            + " so Stapler cannot fill it");
                }
            }
            boolean post = Describables.has(m, Describables.POST) || Describables.has(m, Describables.REQUIRE_POST);
            if (!readOnly && !post) {
                problems.add(where + ": acts on the server (not a doFill/doCheck/doAutoComplete lookup) without @POST,"
                        + " so a cross-site GET could trigger it");
            }
            if (m.getName().startsWith("doCheck") && !m.getReturnType().getName().equals("hudson.util.FormValidation")) {
                problems.add(where + ": form validation must return hudson.util.FormValidation");
            }
        }
    }

    /** The request parameter names a web method reads. */
    static Set<String> queryParameterNames(Method m) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter p : m.getParameters()) {
            for (Annotation a : p.getAnnotations()) {
                if (a.annotationType().getName().equals(Describables.QUERY_PARAMETER)) {
                    String value = annotationValue(a);
                    names.add(value.isEmpty() ? p.getName() : value);
                }
            }
        }
        return names;
    }

    private static String annotationValue(Annotation a) {
        try {
            return (String) a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
