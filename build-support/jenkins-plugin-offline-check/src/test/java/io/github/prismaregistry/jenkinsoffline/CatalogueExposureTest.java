package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every catalogue parameter a Jenkins step's operation reads can be set on that step, or on the global configuration
 * for the connection settings, and is documented by a help file. Steps are found by their class name
 * ({@code PrismaRegistry<Operation>Step}), so a new step such as {@code PrismaRegistryScanStep} is checked as soon as
 * it exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueExposureTest {

    private static final Pattern STEP = Pattern.compile("PrismaRegistry(\\w+)Step");
    private static final String GLOBAL_CONFIGURATION = "io.jenkins.plugins.prismaregistry.PrismaRegistryConfiguration";
    private static final String FREESTYLE_BUILDER = "io.jenkins.plugins.prismaregistry.freestyle.PrismaRegistryBuilder";
    private static final String SETTINGS = "io.jenkins.plugins.prismaregistry.core.ConnectionSettings";

    private PluginUnderCheck plugin;
    private List<Class<?>> classes;
    private Set<String> globalFields;
    private List<?> globalParameters;

    @BeforeAll
    void findPlugin() throws Exception {
        plugin = new PluginUnderCheck();
        classes = plugin.classes();
        Class<?> configuration = Class.forName(GLOBAL_CONFIGURATION);
        globalFields = settable(configuration);
        globalParameters = (List<?>) Class.forName(SETTINGS).getField("GLOBAL_PARAMETERS").get(null);
    }

    private static Set<String> settable(Class<?> type) {
        Set<String> fields = new LinkedHashSet<>(Describables.dataBoundSetterFields(type));
        fields.addAll(Describables.constructorFields(type));
        return fields;
    }

    /** A help file in the folder of the class or of one of its superclasses, where Jenkins looks for it. */
    private boolean hasHelp(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path dir = plugin.tree.resources().resolve(c.getName().replace('.', '/').replace('$', '/'));
            if (Files.isRegularFile(dir.resolve("help-" + field + ".html"))) {
                return true;
            }
        }
        return false;
    }

    private List<String> problems(Class<?> type, Operation operation) {
        List<String> problems = new ArrayList<>();
        Set<String> own = settable(type);
        for (Parameter<?> parameter : Parameters.forOperation(operation, FrontEnd.JENKINS)) {
            String name = parameter.name();
            if (own.contains(name)) {
                if (!hasHelp(type, name)) {
                    problems.add(type.getSimpleName() + "." + name + " has no help-" + name + ".html");
                }
            } else if (globalParameters.contains(parameter)) {
                if (!globalFields.contains(name)) {
                    problems.add(name + " is neither on " + type.getSimpleName() + " nor on the global configuration");
                } else if (!hasHelp(globalConfiguration(), name)) {
                    problems.add("the global configuration's " + name + " has no help-" + name + ".html");
                }
            } else {
                problems.add(type.getSimpleName() + " has no @DataBoundSetter or constructor parameter for " + name
                        + " (" + operation.verb() + ")");
            }
        }
        return problems;
    }

    private static Class<?> globalConfiguration() {
        try {
            return Class.forName(GLOBAL_CONFIGURATION);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The Pipeline steps and the operation each one runs. */
    private Map<Class<?>, Operation> steps() {
        Map<Class<?>, Operation> steps = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            Matcher m = STEP.matcher(type.getSimpleName());
            if (m.matches() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                Operation operation = Operation.forVerb(m.group(1));
                assertThat(operation).as("the operation of %s", type.getName()).isNotNull();
                steps.put(type, operation);
            }
        }
        assertThat(steps.values()).contains(Operation.REGISTER, Operation.UNREGISTER);
        return steps;
    }

    @Test
    void everyStepOffersEveryCatalogueParameterOfItsOperation() {
        List<String> problems = new ArrayList<>();
        steps().forEach((type, operation) -> problems.addAll(problems(type, operation)));
        assertThat(problems).isEmpty();
    }

    /**
     * The README's Jenkins tables (global settings, step parameters) list every parameter of every step, with the
     * catalogue's default where it has a value.
     */
    @Test
    void theReadmeDocumentsEveryParameterOfEveryStep() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("offlineCheck.readme")));
        int start = readme.indexOf("\n## Jenkins");
        assertThat(start).as("a Jenkins section in the README").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> defaults = new HashMap<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            // "| `name` | default | meaning |" splits into "", name, default, meaning
            if (cells.length > 3 && cells[1].trim().matches("`[a-zA-Z]+`")) {
                defaults.putIfAbsent(cells[1].trim().replace("`", ""), cells[2].trim());
            }
        }
        List<String> problems = new ArrayList<>();
        Set<Operation> operations = new LinkedHashSet<>(steps().values());
        for (Operation operation : operations) {
            for (Parameter<?> parameter : Parameters.forOperation(operation, FrontEnd.JENKINS)) {
                String documented = defaults.get(parameter.name());
                if (documented == null) {
                    problems.add(parameter.name() + " (" + operation.verb() + ") is not in the README's Jenkins tables");
                } else if (parameter.defaultValue() != null && !documented.contains(parameter.defaultText())) {
                    problems.add(parameter.name() + ": default " + documented + ", the catalogue says "
                            + parameter.defaultText());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFreestyleBuildStepOffersEveryRegisterParameter() throws Exception {
        assertThat(problems(Class.forName(FREESTYLE_BUILDER), Operation.REGISTER)).isEmpty();
    }

    @Test
    void theGlobalParametersAreOnTheGlobalConfiguration() {
        for (Object parameter : globalParameters) {
            String name = ((Parameter<?>) parameter).name();
            assertThat(globalFields).as("global %s", name).contains(name);
            assertThat(hasHelp(globalConfiguration(), name)).as("help for global %s", name).isTrue();
        }
    }
}
