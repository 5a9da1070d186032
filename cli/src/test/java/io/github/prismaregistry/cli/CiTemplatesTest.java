package io.github.prismaregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.github.prismaregistry.parameters.Operation;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The GitHub Action and the GitLab template stay in step with the command's options and exit codes. */
class CiTemplatesTest {

    private static final Path ACTION = Path.of("action.yml");
    private static final Path GITLAB = Path.of("gitlab", "prisma-registry.gitlab-ci.yml");
    /**
     * Secret files are for shells: the action hands secrets over as environment variables. Its {@code image} input
     * takes several images, one per line, so it needs no {@code images}.
     */
    private static final Set<String> NOT_ACTION_INPUTS = Set.of("password-file", "token-file", "images");
    /** Variables the runner may already set for every step: the action sets them only when the input is given. */
    private static final Set<String> RUNNER_VARIABLES = Set.of("HTTPS_PROXY", "NO_PROXY");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** The version a release of this build has: the one the action and the template fetch by default. */
    private static String releaseVersion() {
        return System.getProperty("project.version").replace("-SNAPSHOT", "");
    }

    private static List<CliOption> everyOption() {
        Map<String, CliOption> byName = new java.util.LinkedHashMap<>();
        for (Operation operation : PrismaRegistryCli.COMMANDS) {
            for (CliOption d : CliOptions.forOperation(operation)) {
                byName.put(d.name(), d);
            }
        }
        return new ArrayList<>(byName.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runStep(Map<String, Object> action) {
        List<Object> steps = (List<Object>) map(action.get("runs")).get("steps");
        return steps.stream().map(CiTemplatesTest::map).filter(s -> "run".equals(s.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void everyOptionIsAnActionInputPassedThroughItsEnvironmentVariable() throws IOException {
        Map<String, Object> action = yaml(ACTION);
        Map<String, Object> inputs = map(action.get("inputs"));
        Map<String, Object> env = map(runStep(action).get("env"));

        String script = String.valueOf(runStep(action).get("run"));
        for (CliOption d : everyOption()) {
            String input = d.optionName().substring(2);
            if (NOT_ACTION_INPUTS.contains(input)) {
                assertThat(inputs).doesNotContainKey(input);
                continue;
            }
            assertThat(inputs).as("input for " + d.optionName()).containsKey(input);
            if (RUNNER_VARIABLES.contains(d.environmentVariable())) {
                String staged = "INPUT_" + d.environmentVariable();
                assertThat(env).containsEntry(staged, "${{ inputs." + input + " }}").doesNotContainKey(d.environmentVariable());
                assertThat(script).contains("export " + d.environmentVariable() + "=\"$" + staged + "\"");
                continue;
            }
            assertThat(env).as("variable for input " + input)
                    .containsEntry(d.environmentVariable(), "${{ inputs." + input + " }}");
        }
        assertThat(env).containsEntry("PRISMA_PASSWORD", "${{ inputs.password }}")
                .containsEntry("PRISMA_TOKEN", "${{ inputs.token }}");
        Set<String> passed = env.values().stream().map(String::valueOf)
                .filter(v -> v.startsWith("${{ inputs.")).map(v -> v.substring(11, v.length() - 3))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(passed).as("every input reaches the tool").containsAll(
                inputs.keySet().stream().filter(i -> !i.equals("cli-version")).toList());
    }

    @Test
    void theActionPutsNoInputOnTheCommandLineAndFetchesThisReleaseFromMavenCentral() throws IOException {
        Map<String, Object> action = yaml(ACTION);
        assertThat(map(action.get("runs")).get("using")).isEqualTo("composite");
        assertThat(String.valueOf(runStep(action).get("run"))).doesNotContain("${{");
        assertThat(map(map(action.get("inputs")).get("cli-version")).get("default")).isEqualTo(releaseVersion());
        String actionText = Files.readString(ACTION, StandardCharsets.UTF_8);
        assertThat(actionText).contains("maven-dependency-plugin:3.11.0:copy",
                "-Dartifact=io.github.prismaregistry:prisma-registry-cli:${CLI_VERSION}", "actions/cache@");
    }

    @Test
    void theActionOutputsAreTheOnesTheCommandWrites() throws IOException {
        Map<String, Object> outputs = map(yaml(ACTION).get("outputs"));
        Set<String> written = new LinkedHashSet<>(ResultReport.outputs(List.of(io.github.prismaregistry.api
                .RegistrationResult.builder(io.github.prismaregistry.api.Action.ADDED).build()), Path.of("result.json"))
                .keySet());
        written.addAll(ScanCommand.OUTPUT_NAMES);
        for (Map.Entry<String, Object> output : outputs.entrySet()) {
            assertThat(written).as("output " + output.getKey()).contains(output.getKey());
            assertThat(map(output.getValue()).get("value")).isEqualTo("${{ steps.run.outputs." + output.getKey() + " }}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitlabTemplateRegistersInTheDeployStageAndKeepsTheResult() throws IOException {
        Map<String, Object> template = yaml(GITLAB);
        Map<String, Object> base = map(template.get(".prisma-registry"));
        Map<String, Object> register = map(template.get("prisma-registry-register"));

        assertThat(map(template.get("variables"))).containsEntry("PRISMA_REGISTRY_CLI_VERSION", releaseVersion());
        assertThat(base.get("stage")).isEqualTo("deploy");
        assertThat(String.valueOf(base.get("image"))).contains("17");
        assertThat(String.join("\n", (List<String>) base.get("before_script")))
                .contains("maven-dependency-plugin:3.11.0:copy", "prisma-registry-cli:$PRISMA_REGISTRY_CLI_VERSION");
        assertThat(String.valueOf(map(base.get("cache")).get("key"))).contains("$PRISMA_REGISTRY_CLI_VERSION");
        assertThat(register.get("extends")).isEqualTo(".prisma-registry");
        assertThat((List<String>) register.get("script")).singleElement().asString().endsWith(" register");
        Map<String, Object> artifacts = map(register.get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        assertThat((List<String>) artifacts.get("paths"))
                .contains(map(template.get("variables")).get("PRISMA_OUTPUT_DIRECTORY") + "/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitlabScanJobGatesAfterRegisterAndHandsGitlabTheJunitReport() throws IOException {
        Map<String, Object> template = yaml(GITLAB);
        Map<String, Object> scan = map(template.get("prisma-registry-scan"));

        assertThat(scan.get("extends")).isEqualTo(".prisma-registry");
        assertThat((List<String>) scan.get("needs")).containsExactly("prisma-registry-register");
        assertThat((List<String>) scan.get("script")).singleElement().asString().endsWith(" scan");
        Map<String, Object> artifacts = map(scan.get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        String output = String.valueOf(map(template.get("variables")).get("PRISMA_OUTPUT_DIRECTORY"));
        assertThat(map(artifacts.get("reports"))).containsEntry("junit",
                output + "/" + io.github.prismaregistry.scan.ScanReports.JUNIT);
    }

    @Test
    void noGitlabJobMayFailWithoutFailingThePipeline() throws IOException {
        Map<String, Object> template = yaml(GITLAB);
        for (Map.Entry<String, Object> job : template.entrySet()) {
            if (job.getValue() instanceof Map) {
                assertThat(map(job.getValue())).as(job.getKey()).doesNotContainKey("allow_failure");
            }
        }
        assertThat(Files.readString(GITLAB, StandardCharsets.UTF_8)).doesNotContain("allow_failure");
    }
}
