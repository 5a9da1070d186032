package io.github.prismaregistry.jenkinsoffline;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that the {@code ${...}} expressions of a read-only view (a run action's {@code index.jelly} and
 * {@code summary.jelly}) name properties and methods that exist. {@code it} is the view's owner; variables set by
 * {@code <j:forEach var items>} and {@code <j:set var value>} take the element type of what they were set from. Only
 * the plugin's own classes are checked: once a chain reaches a Jenkins type (such as {@code it.run.url}) the stand-ins
 * could not tell, so it stops there. Raw output ({@code <j:out>}, {@code <j:expr>}: they bypass escape-by-default) is
 * refused.
 */
final class ViewExpressions {

    private static final String JELLY_CORE = "jelly:core";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern CHAIN = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*)+)(\\s*\\()?");

    private final String pluginPackage;
    private final List<String> problems = new ArrayList<>();

    private ViewExpressions(String pluginPackage) {
        this.pluginPackage = pluginPackage;
    }

    /**
     * @param owner the class whose view this is ({@code it})
     * @param pluginPackage prefix of the class names to check; other types end a chain unchecked
     */
    static List<String> check(Path view, Class<?> owner, String pluginPackage) throws IOException {
        ViewExpressions check = new ViewExpressions(pluginPackage);
        try (InputStream in = Files.newInputStream(view)) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(in, check.new Handler(view, owner));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(view + ": not well-formed XML: " + e.getMessage(), e);
        }
        return check.problems;
    }

    private final class Handler extends DefaultHandler {
        private final Path view;
        private final Deque<Map<String, Type>> scopes = new ArrayDeque<>();
        /** Text between tags, which a parser may deliver in pieces: checked whole at the next tag. */
        private final StringBuilder text = new StringBuilder();
        private org.xml.sax.Locator locator;

        Handler(Path view, Class<?> owner) {
            this.view = view;
            Map<String, Type> root = new HashMap<>();
            root.put("it", owner);
            scopes.push(root);
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            if (JELLY_CORE.equals(uri) && ("out".equals(localName) || "expr".equals(localName))) {
                problem("<j:" + localName + "> writes without escaping; print ${...} instead");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                checkText(attributes.getValue(i));
            }
            Map<String, Type> scope = new HashMap<>();
            if (JELLY_CORE.equals(uri) && "forEach".equals(localName) && attributes.getValue("var") != null) {
                scope.put(attributes.getValue("var"), elementType(typeOfExpression(attributes.getValue("items"))));
            }
            scopes.push(scope);
            if (JELLY_CORE.equals(uri) && "set".equals(localName) && attributes.getValue("var") != null) {
                // j:set is visible to the siblings after it, so it goes into the enclosing scope.
                Map<String, Type> own = scopes.pop();
                scopes.peek().put(attributes.getValue("var"), typeOfExpression(attributes.getValue("value")));
                scopes.push(own);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            scopes.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            checkText(text.toString());
            text.setLength(0);
        }

        private void checkText(String text) {
            Matcher m = EXPRESSION.matcher(text);
            while (m.find()) {
                String expression = QUOTED.matcher(m.group(1)).replaceAll("''");
                Matcher chain = CHAIN.matcher(expression);
                while (chain.find()) {
                    resolve(chain.group(1), chain.group(2).substring(1).split("\\."), chain.group(3) != null);
                }
            }
        }

        /** The type of a single-chain expression such as {@code ${it.calls}}, or {@code null} when unknown. */
        private Type typeOfExpression(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = EXPRESSION.matcher(text);
            if (!m.find()) {
                return null;
            }
            Matcher chain = CHAIN.matcher(m.group(1).trim());
            if (!chain.matches()) {
                return null;
            }
            return resolve(chain.group(1), chain.group(2).substring(1).split("\\."), chain.group(3) != null);
        }

        private Type resolve(String root, String[] names, boolean lastIsCall) {
            Type type = lookup(root);
            for (int i = 0; i < names.length && type != null; i++) {
                Class<?> c = raw(type);
                if (c == null || !c.getName().startsWith(pluginPackage)) {
                    return null;
                }
                boolean call = lastIsCall && i == names.length - 1;
                Method member = call ? method(c, names[i]) : getter(c, names[i]);
                if (member == null) {
                    problem("${" + root + "." + String.join(".", names) + "}: " + c.getSimpleName() + " has no "
                            + (call ? "public method " + names[i] + "(...)" : "property '" + names[i] + "' (get/is getter)"));
                    return null;
                }
                type = member.getGenericReturnType();
            }
            return type;
        }

        private Type lookup(String name) {
            for (Map<String, Type> scope : scopes) {
                if (scope.containsKey(name)) {
                    return scope.get(name);
                }
            }
            return null;
        }

        private void problem(String text) {
            problems.add(view + ":" + (locator == null ? -1 : locator.getLineNumber()) + ": " + text);
        }
    }

    private static Method getter(Class<?> c, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : c.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals("get" + suffix)
                        || (m.getName().equals("is" + suffix) && m.getReturnType() == boolean.class))) {
                return m;
            }
        }
        return null;
    }

    private static Method method(Class<?> c, String name) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** {@code T} of an {@code Iterable<T>} (or an array's component type); {@code null} when unknown. */
    private static Type elementType(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c
                && Iterable.class.isAssignableFrom(c) && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return null;
    }
}
