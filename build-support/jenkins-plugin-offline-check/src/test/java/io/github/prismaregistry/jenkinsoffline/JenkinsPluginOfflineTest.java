package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks the real plugin (its compiled main classes and its resources) the way a running Jenkins, its annotation
 * processors and its test harness would, but without Jenkins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JenkinsPluginOfflineTest {

    /** The configuration-as-code key of the global configuration, fixed by the design. */
    private static final String CONFIGURATION_SYMBOL = "prismaRegistry";

    /** Package of the plugin's own classes. */
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.prismaregistry.";

    private PluginUnderCheck plugin;
    private List<Class<?>> classes;

    @BeforeAll
    void findPlugin() {
        plugin = new PluginUnderCheck();
        classes = plugin.classes();
    }

    @Test
    void pluginMainSourcesWereCompiledHere() {
        assertThat(classes).as("classes compiled from %s", plugin.pluginDir).isNotEmpty();
    }

    @Test
    void everyJellyViewIsWellFormedEscapedAndUsesKnownTaglibs() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path jelly : plugin.tree.jellyFiles()) {
            try {
                problems.addAll(JellyView.parse(jelly).problems());
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The pages of the plugin's actions print only what their classes have, and never raw output. */
    @Test
    void everyActionViewUsesOnlyPropertiesOfTheViewModel() throws Exception {
        List<String> problems = new ArrayList<>();
        Class<?> action = Class.forName("hudson.model.Action");
        int views = 0;
        for (Class<?> type : classes) {
            if (!action.isAssignableFrom(type)) {
                continue;
            }
            Path dir = plugin.tree.resources().resolve(type.getName().replace('.', '/').replace('$', '/'));
            for (String name : List.of("index.jelly", "summary.jelly")) {
                Path view = dir.resolve(name);
                if (Files.isRegularFile(view)) {
                    views++;
                    problems.addAll(ViewExpressions.check(view, type, PLUGIN_PACKAGE));
                }
            }
        }
        assertThat(views).as("action views").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStepBuildStepAndGlobalConfigurationHasAFormView() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : configurableClasses()) {
            Path dir = plugin.tree.resources().resolve(type.getName().replace('.', '/').replace('$', '/'));
            if (!Files.isRegularFile(dir.resolve("config.jelly"))) {
                problems.add(type.getName() + " has no config.jelly in " + dir);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormDocumentsEachFieldAndBindsOnlyRealProperties() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path view : plugin.tree.formViews()) {
            problems.addAll(FormCheck.check(plugin.tree, view));
        }
        assertThat(plugin.tree.formViews()).as("form views under %s", plugin.tree.resources()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void staplerAndExtensionRulesHoldForEveryClass() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            problems.addAll(StaplerRules.check(type));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyValidationAndFillMethodNamesAFieldOfItsClass() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Describables.isDescriptor(type)) {
                problems.addAll(FormCheck.webMethodsNameRealFields(type));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void globalConfigurationIsRegisteredUnderItsConfigurationAsCodeSymbol() {
        assertThat(globalConfiguration()).isNotNull();
    }

    @Test
    void configurationAsCodeExamplesParseAndUseRealAttributes() throws IOException {
        Class<?> configuration = globalConfiguration();
        Set<String> attributes = new LinkedHashSet<>(Describables.beanProperties(configuration));
        attributes.addAll(Describables.dataBoundSetterFields(configuration));
        CascYamlCheck check = new CascYamlCheck(CONFIGURATION_SYMBOL, attributes);

        List<CascYamlCheck.Snippet> snippets = new ArrayList<>();
        if (Files.isRegularFile(plugin.readme)) {
            for (CascYamlCheck.Snippet block : CascYamlCheck.markdownBlocks(plugin.readme)) {
                snippets.add(new CascYamlCheck.Snippet(block.origin(), block.text(), check.mentionsConfiguration(block)));
            }
        }
        for (Path dir : List.of(plugin.testResources(), plugin.examplesDir)) {
            for (Path file : yamlFiles(dir)) {
                snippets.add(CascYamlCheck.file(file));
            }
        }

        List<String> problems = new ArrayList<>();
        for (CascYamlCheck.Snippet snippet : snippets) {
            problems.addAll(check.check(snippet));
        }
        assertThat(problems).isEmpty();
        // Reported as skipped rather than passed, so a missing example stays visible.
        assumeTrue(snippets.stream().anyMatch(CascYamlCheck.Snippet::requireConfiguration),
                "no configuration-as-code example of unclassified." + CONFIGURATION_SYMBOL + " exists yet");
    }

    /** Concrete pipeline steps and freestyle build steps that users configure, plus the global configuration. */
    /** This project's own Jenkinsfile runs the same Jenkinsfile lint as CI, so the two stay in step. */
    @Test
    void theProjectsJenkinsfileRunsTheSameLintAsCi() throws IOException {
        Path root = plugin.readme.getParent();
        String lint = "bash build-support/lint-jenkinsfiles.sh";

        assertThat(Files.readString(root.resolve(".ci/run"))).contains(lint);
        assertThat(Files.readString(root.resolve("Jenkinsfile"))).contains("sh '" + lint + "'");
    }

    private List<Class<?>> configurableClasses() {
        List<Class<?>> configurable = new ArrayList<>();
        for (Class<?> type : classes) {
            boolean concrete = !Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
            boolean step = PluginUnderCheck.STEP_TYPES.stream().anyMatch(s -> Describables.isSubclassOf(type, s));
            if (concrete && (step && Describables.dataBoundConstructor(type).isPresent()
                    || Describables.isGlobalConfiguration(type))) {
                configurable.add(type);
            }
        }
        return configurable;
    }

    private Class<?> globalConfiguration() {
        List<Class<?>> configurations = classes.stream()
                .filter(Describables::isGlobalConfiguration)
                .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .toList();
        assertThat(configurations).as("GlobalConfiguration classes").hasSize(1);
        Class<?> configuration = configurations.get(0);
        Object symbol = Describables.annotation(configuration, Describables.SYMBOL)
                .map(a -> {
                    try {
                        return a.annotationType().getMethod("value").invoke(a);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .orElse(new String[0]);
        assertThat((String[]) symbol).as("@Symbol of %s", configuration.getName()).contains(CONFIGURATION_SYMBOL);
        return configuration;
    }

    private static List<Path> yamlFiles(Path dir) {
        List<Path> files = new ArrayList<>(PluginTree.files(dir, ".yml"));
        files.addAll(PluginTree.files(dir, ".yaml"));
        return files;
    }
}
