package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every catalogue parameter of a goal's operation is a parameter of that goal, read from the property
 * {@code prismaRegistry.<name>} with the catalogue's default. Goals are found in the generated descriptor, so a new goal
 * (e.g. {@code scan}) is checked as soon as it exists. The README's table is checked against the same list.
 */
class PluginDescriptorTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path README = Path.of("../README.md");

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> goals() throws Exception {
        assertThat(DESCRIPTOR).as("the descriptor is generated before the tests run").exists();
        Element plugin;
        try (var in = Files.newInputStream(DESCRIPTOR)) {
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        return children(child(plugin, "mojos"), "mojo");
    }

    @Test
    void everyGoalExposesEveryCatalogueParameterOfItsOperation() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Element mojo : goals()) {
            String goal = child(mojo, "goal").getTextContent();
            Operation operation = Operation.forVerb(goal);
            if (operation == null) {
                continue; // help
            }
            Element configuration = child(mojo, "configuration");
            for (Parameter<?> parameter : Parameters.forOperation(operation, FrontEnd.MAVEN)) {
                Element element = child(configuration, parameter.name());
                assertThat(element).as("%s of goal %s", parameter.name(), goal).isNotNull();
                assertThat(element.getTextContent()).as("%s of goal %s", parameter.name(), goal)
                        .isEqualTo("${" + parameter.propertyName() + "}");
                // Entry fields may leave the default to the catalogue (unset tells the engine nothing was asked for);
                // a default written into the goal must agree with it.
                if (element.hasAttribute("default-value") && parameter.kind() != ParameterKind.PATH) {
                    assertThat(element.getAttribute("default-value")).as("default of %s", parameter.name())
                            .isEqualTo(parameter.defaultText());
                }
                checked.add(goal + ":" + parameter.name());
            }
        }
        assertThat(checked).contains("register:consoleUrl", "register:updateExisting", "unregister:image",
                "register:skipTlsVerify");
    }

    @Test
    void everyPropertyOfTheGoalsIsACatalogueParameterOfThatGoal() throws Exception {
        for (Element mojo : goals()) {
            Operation operation = Operation.forVerb(child(mojo, "goal").getTextContent());
            if (operation == null) {
                continue;
            }
            NodeList configured = child(mojo, "configuration").getChildNodes();
            for (int i = 0; i < configured.getLength(); i++) {
                if (configured.item(i).getNodeType() != Node.ELEMENT_NODE
                        || !configured.item(i).getTextContent().startsWith("${prismaRegistry.")) {
                    continue;
                }
                Parameter<?> parameter = Parameters.named(configured.item(i).getNodeName());
                assertThat(parameter).as(configured.item(i).getNodeName()).isNotNull();
                assertThat(parameter.usedBy(operation) && parameter.offeredBy(FrontEnd.MAVEN))
                        .as("%s belongs to %s in Maven", parameter.name(), operation).isTrue();
            }
        }
    }

    /** The README's Maven table lists every parameter of every goal, with its property and the catalogue's default. */
    @Test
    void theReadmeDocumentsEveryParameterOfEveryGoal() throws Exception {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : Files.readAllLines(README)) {
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::trim).toList();
            // "| `name` | `prismaRegistry.name` | default | meaning |" splits into "", name, property, default, ...
            if (cells.size() > 4 && cells.get(2).startsWith("`prismaRegistry.")) {
                rows.put(cells.get(1).replace("`", ""), cells);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Element mojo : goals()) {
            Operation operation = Operation.forVerb(child(mojo, "goal").getTextContent());
            if (operation == null) {
                continue;
            }
            for (Parameter<?> parameter : Parameters.forOperation(operation, FrontEnd.MAVEN)) {
                List<String> row = rows.get(parameter.name());
                if (row == null) {
                    problems.add(parameter.name() + " (" + operation.verb() + ") has no row in " + README);
                } else if (!row.get(2).equals("`" + parameter.propertyName() + "`")) {
                    problems.add(parameter.name() + ": property " + row.get(2));
                } else if (parameter.defaultValue() != null && parameter.kind() != ParameterKind.PATH
                        && !row.get(3).contains(parameter.defaultText())) {
                    problems.add(parameter.name() + ": default " + row.get(3) + ", the catalogue says " + parameter.defaultText());
                }
            }
        }
        assertThat(rows).as("rows read from %s", README).containsKeys("consoleUrl", "skipTlsVerify");
        assertThat(problems).isEmpty();
    }
}
