package io.github.prismaregistry.jenkinsoffline;

import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a form view against the class it configures: every field documented by a {@code help-<field>.html}, every
 * bound name a real property with a getter, every drop-down and validate button backed by a descriptor method.
 */
final class FormCheck {

    private FormCheck() {}

    static List<String> check(PluginTree tree, Path view) throws IOException {
        List<String> problems = new ArrayList<>();
        Optional<Class<?>> maybeOwner = tree.ownerOf(view);
        if (maybeOwner.isEmpty()) {
            problems.add(view + ": no class matches this view's folder " + tree.resources().relativize(view.getParent()));
            return problems;
        }
        Class<?> owner = maybeOwner.get();
        boolean global = view.getFileName().toString().equals("global.jelly");
        if (global && !Describables.isDescriptor(owner)) {
            problems.add(view + ": global.jelly belongs to a descriptor, but " + owner.getName() + " is not one");
        }
        JellyView jelly = JellyView.parse(view);
        Set<String> bindable = Describables.bindableFields(owner);
        Set<String> bound = new LinkedHashSet<>();
        for (JellyView.Binding binding : jelly.bindings) {
            bound.add(binding.field());
            String where = view + ":" + binding.line() + ": <" + binding.tag() + " field=\"" + binding.field() + "\">";
            if (!bindable.contains(binding.field())) {
                problems.add(where + " binds nothing: " + owner.getName() + " has no @DataBoundConstructor parameter"
                        + " or @DataBoundSetter named '" + binding.field() + "'"
                        + (Describables.isGlobalConfiguration(owner) ? " (nor a getter/setter pair)" : "")
                        + "; bindable: " + bindable);
            } else if (Describables.getter(owner, binding.field()).isEmpty()
                    && !Describables.hasPublicField(owner, binding.field())) {
                problems.add(where + ": " + owner.getName() + " has no public getter for '" + binding.field()
                        + "', so the form cannot show the saved value");
            }
        }

        Set<String> needHelp = new LinkedHashSet<>(Describables.documentedFields(owner));
        needHelp.addAll(bound);
        for (String field : needHelp) {
            Path help = view.resolveSibling("help-" + field + ".html");
            if (!Files.isRegularFile(help)) {
                problems.add(view.getParent() + ": missing help-" + field + ".html for field '" + field + "' of "
                        + owner.getName());
            }
        }

        Optional<Class<?>> descriptor = Describables.descriptorOf(owner);
        for (JellyView.Binding filled : jelly.filledFields) {
            String method = "doFill" + Describables.capitalize(filled.field()) + "Items";
            if (descriptor.isEmpty() || publicMethod(descriptor.get(), method).isEmpty()) {
                problems.add(view + ":" + filled.line() + ": <" + filled.tag() + "> for '" + filled.field()
                        + "' needs a public " + method + " on " + descriptor.map(Class::getName).orElse("a descriptor of " + owner.getName()));
            }
        }
        for (JellyView.ValidateButton button : jelly.validateButtons) {
            if (button.method() == null || button.method().isBlank()) {
                problems.add(view + ":" + button.line() + ": <f:validateButton> without a method");
                continue;
            }
            String method = "do" + Describables.capitalize(button.method());
            Optional<Method> target = descriptor.flatMap(d -> publicMethod(d, method));
            if (target.isEmpty()) {
                problems.add(view + ":" + button.line() + ": <f:validateButton method=\"" + button.method()
                        + "\"> needs a public " + method + " on " + descriptor.map(Class::getName).orElse("a descriptor of " + owner.getName()));
            } else {
                Set<String> parameters = StaplerRules.queryParameterNames(target.get());
                for (String with : button.with()) {
                    if (!parameters.contains(with)) {
                        problems.add(view + ":" + button.line() + ": <f:validateButton with=\"" + with + "\"> but "
                                + method + " has no @QueryParameter named '" + with + "'");
                    }
                    if (!bindable.contains(with)) {
                        problems.add(view + ":" + button.line() + ": <f:validateButton with=\"" + with
                                + "\"> names no field of " + owner.getName());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * A descriptor's {@code doCheck<Field>} and {@code doFill<Field>Items} are only called for a field the form has,
     * so one that names no field of the class it describes is dead, usually after a rename.
     */
    static List<String> webMethodsNameRealFields(Class<?> descriptor) {
        List<String> problems = new ArrayList<>();
        Class<?> owner = Describables.isGlobalConfiguration(descriptor) ? descriptor : descriptor.getEnclosingClass();
        if (owner == null) {
            return problems;
        }
        Set<String> fields = Describables.bindableFields(owner);
        for (Method m : descriptor.getDeclaredMethods()) {
            Matcher matcher = FIELD_WEB_METHOD.matcher(m.getName());
            if (matcher.matches()) {
                String field = Introspector.decapitalize(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                if (!fields.contains(field)) {
                    problems.add(descriptor.getName() + "." + m.getName() + " names field '" + field + "', but "
                            + owner.getName() + " only binds " + fields);
                }
            }
        }
        return problems;
    }

    private static final Pattern FIELD_WEB_METHOD =
            Pattern.compile("doCheck([A-Z]\\w*)|doFill([A-Z]\\w*)Items");

    static Optional<Method> publicMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isPublic(m.getModifiers())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
