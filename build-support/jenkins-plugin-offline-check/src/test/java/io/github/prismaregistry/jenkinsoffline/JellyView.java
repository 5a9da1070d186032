package io.github.prismaregistry.jenkinsoffline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** What one Jelly view declares and binds, read with a namespace-aware parser. */
final class JellyView {

    /** Taglibs Jenkins core, Stapler, the Jelly tag libraries bundled with core, and the credentials plugin provide. */
    static final Set<String> KNOWN_TAGLIBS = Set.of(
            "jelly:core", "jelly:define", "jelly:stapler", "jelly:fmt", "jelly:xml",
            "/lib/form", "/lib/layout", "/lib/layout/dropdowns", "/lib/hudson", "/lib/hudson/project",
            "/lib/hudson/newFromList", "/lib/test",
            "/lib/credentials");

    static final String FORM = "/lib/form";
    static final String CREDENTIALS = "/lib/credentials";

    /** A {@code field="..."} binding and the tag that makes it. */
    record Binding(String field, String namespace, String tag, int line) {}

    /** A {@code <f:validateButton method="..." with="..."/>}. */
    record ValidateButton(String method, List<String> with, int line) {}

    final Path file;
    final Set<String> namespaces = new LinkedHashSet<>();
    final List<Binding> bindings = new ArrayList<>();
    /** Fields rendered as drop-down lists: Jenkins fills them from {@code doFill<Field>Items}. */
    final List<Binding> filledFields = new ArrayList<>();
    final List<ValidateButton> validateButtons = new ArrayList<>();
    final Map<String, String> processingInstructions = new LinkedHashMap<>();

    private JellyView(Path file) {
        this.file = file;
    }

    /** Parses the view; a file that is not well-formed XML throws with the parser's line and message. */
    static JellyView parse(Path file) throws IOException {
        JellyView view = new JellyView(file);
        try (InputStream in = Files.newInputStream(file)) {
            newParser().parse(in, view.new Handler());
        } catch (SAXParseException e) {
            throw new IOException(file + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file + ": not well-formed XML: " + e.getMessage(), e);
        }
        return view;
    }

    private static SAXParser newParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        // A view never needs a DTD or external entities; refusing them keeps the check hermetic.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newSAXParser();
    }

    /** Problems with the view on its own: unknown taglibs, missing HTML escaping. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String ns : namespaces) {
            if (!ns.isEmpty() && !KNOWN_TAGLIBS.contains(ns)) {
                problems.add(file + ": unknown taglib namespace '" + ns + "' (known: " + KNOWN_TAGLIBS + ")");
            }
        }
        // Jenkins' own view test rejects views that do not escape ${...} output by default (XSS).
        String jelly = processingInstructions.get("jelly");
        if (jelly == null || !jelly.replace('"', '\'').replace(" ", "").contains("escape-by-default='true'")) {
            problems.add(file + ": missing <?jelly escape-by-default='true'?> as its first line");
        }
        return problems;
    }

    private final class Handler extends DefaultHandler {
        private final Deque<String> inheritedField = new ArrayDeque<>();
        private final Deque<Boolean> nestedObject = new ArrayDeque<>();
        private org.xml.sax.Locator locator;

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
        }

        @Override
        public void processingInstruction(String target, String data) {
            processingInstructions.put(target, data);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            namespaces.add(uri);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int line = locator == null ? -1 : locator.getLineNumber();
            boolean insideNestedObject = !nestedObject.isEmpty() && nestedObject.peek();
            String field = attributes.getValue("field");
            if (field != null && !insideNestedObject) {
                bindings.add(new Binding(field, uri, localName, line));
            }
            String inherited = inheritedField.peek();
            String effectiveField = field != null ? field : (inherited == null || inherited.isEmpty() ? null : inherited);
            if (isFilledList(uri, localName) && effectiveField != null && !insideNestedObject) {
                filledFields.add(new Binding(effectiveField, uri, localName, line));
            }
            if (FORM.equals(uri) && "validateButton".equals(localName)) {
                String with = attributes.getValue("with");
                List<String> withFields = with == null || with.isBlank()
                        ? List.of()
                        : List.of(with.trim().split("\\s*,\\s*"));
                validateButtons.add(new ValidateButton(attributes.getValue("method"), withFields, line));
            }
            inheritedField.push(effectiveField == null ? "" : effectiveField);
            // Fields inside a non-inline optionalBlock bind to a nested object, not to the view's owner.
            boolean opensNestedObject = FORM.equals(uri) && "optionalBlock".equals(localName)
                    && !"true".equals(attributes.getValue("inline"));
            nestedObject.push(insideNestedObject || opensNestedObject);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            inheritedField.pop();
            nestedObject.pop();
        }

        private boolean isFilledList(String uri, String localName) {
            return (FORM.equals(uri) && ("select".equals(localName) || "combobox".equals(localName)))
                    || (CREDENTIALS.equals(uri) && "select".equals(localName));
        }
    }
}
