package io.github.prismaregistry.cli;

import static io.github.prismaregistry.cli.CliRun.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option parsing, environment fallbacks, secrets and GitHub files, in this JVM (no console needed). */
class CommandLineTest {

    @TempDir
    Path work;

    private RawValues parse(Map<String, String> environment, String... args) throws UsageException {
        PrismaRegistryCli cli = new PrismaRegistryCli(environment, work, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        CommandLine commandLine = cli.commandLine();
        CommandLine.ParseResult parsed = commandLine.parseArgs(args).subcommand();
        return new OptionSet(CliParameters.registry(true)).read(parsed, environment);
    }

    @Test
    void optionsAreKebabCaseAndEachHasItsVariable() {
        List<OptionDef> options = CliParameters.registry(true);
        assertThat(options).extracting(OptionDef::optionName).contains("--console-url", "--image", "--registry",
                "--repository", "--tag", "--registry-type", "--scan-later", "--dry-run", "--ca-certificate",
                "--update-existing");
        assertThat(options).extracting(OptionDef::environmentVariable).contains("PRISMA_CONSOLE_URL",
                "PRISMA_USERNAME", "PRISMA_REGISTRY_TYPE", "PRISMA_SCAN_LATER");
        assertThat(CliParameters.registry(false)).extracting(OptionDef::name).doesNotContain("updateExisting");
    }

    @Test
    void theCommandLineWinsAndSaysWhereAValueCameFrom() throws Exception {
        RawValues values = parse(env("PRISMA_CAP", "7", "PRISMA_TAG", "v*"), "register", "--cap", "2");

        assertThat(values.get("cap")).isEqualTo("2");
        assertThat(values.source("cap")).isEqualTo("--cap");
        assertThat(values.get("tag")).isEqualTo("v*");
        assertThat(values.source("tag")).isEqualTo("PRISMA_TAG");
        assertThat(values.get("registry")).isNull();
    }

    @Test
    void listsAreRepeatableCommaSeparatedAndLineSeparatedFromTheEnvironment() throws Exception {
        assertThat(parse(Map.of(), "register", "--image", "a/b:1", "--image", "c/d:2,e/f:3").list("image"))
                .containsExactly("a/b:1", "c/d:2", "e/f:3");
        assertThat(parse(env("PRISMA_IMAGE", "a/b:1\n c/d:2 \n\n"), "register").list("image"))
                .containsExactly("a/b:1", "c/d:2");
    }

    @Test
    void aBareFlagMeansTrueAndBooleansAreStrict() throws Exception {
        RequestReader bare = new RequestReader(parse(Map.of(), "register", "--dry-run"), work);
        assertThat(bare.bool("dryRun")).isTrue();
        assertThat(bare.bool("scanLater")).isFalse();
        assertThat(new RequestReader(parse(Map.of(), "register", "--dry-run=FALSE"), work).bool("dryRun")).isFalse();
        RequestReader yes = new RequestReader(parse(env("PRISMA_SCAN_LATER", "yes"), "register"), work);
        assertThatThrownBy(() -> yes.bool("scanLater")).isInstanceOf(UsageException.class)
                .hasMessageContaining("PRISMA_SCAN_LATER").hasMessageContaining("true or false");
    }

    @Test
    void blankVariablesCountAsUnset() throws Exception {
        assertThat(parse(env("PRISMA_REGISTRY", "  "), "register").isSet("registry")).isFalse();
    }

    @Test
    void credentialsPreferAFileOverTheEnvironmentAndALoginOverAToken() throws Exception {
        Path tokenFile = Files.writeString(work.resolve("t"), "file-token\n");
        CliCredentials.Resolved fromFile = CliCredentials.resolve(parse(Map.of(), "register", "--token-file", "t"),
                env("PRISMA_TOKEN", "env-token"), work);
        assertThat(fromFile.credentials().secret()).isEqualTo("file-token");
        assertThat(fromFile.source()).contains(tokenFile.getFileName().toString());

        Map<String, String> both = env("PRISMA_USERNAME", "u", "PRISMA_PASSWORD", "p", "PRISMA_TOKEN", "t");
        CliCredentials.Resolved login = CliCredentials.resolve(parse(both, "register"), both, work);
        assertThat(login.credentials().isToken()).isFalse();
        assertThat(login.source()).isEqualTo("PRISMA_USERNAME and PRISMA_PASSWORD");
    }

    @Test
    void credentialMistakesSayWhatToSet() throws Exception {
        assertThatThrownBy(() -> CliCredentials.resolve(parse(Map.of(), "register"), Map.of(), work))
                .hasMessageContaining("PRISMA_PASSWORD").hasMessageContaining("PRISMA_TOKEN")
                .hasMessageContaining("--token-file");
        Map<String, String> noUser = env("PRISMA_PASSWORD", "p");
        assertThatThrownBy(() -> CliCredentials.resolve(parse(noUser, "register"), noUser, work))
                .hasMessageContaining("--username (PRISMA_USERNAME)");
        assertThatThrownBy(() -> CliCredentials.resolve(parse(Map.of(), "register", "--token-file", "missing"),
                Map.of(), work)).hasMessageContaining("--token-file").hasMessageContaining("missing");
        assertThatThrownBy(() -> CliCredentials.resolve(parse(Map.of(), "register", "--token-file", "a",
                "--password-file", "b"), Map.of(), work)).hasMessageContaining("not both");
    }

    @Test
    void githubOutputsUseTheDelimitedFormForMultiLineValues() throws Exception {
        Path file = work.resolve("out");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("action", "ADDED");
        outputs.put("note", "line one\nline two");

        GithubActions.from(env("GITHUB_OUTPUT", file.toString())).writeOutputs(outputs);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("action=ADDED");
        assertThat(lines.get(1)).startsWith("note<<prisma_registry_");
        String delimiter = lines.get(1).substring("note<<".length());
        assertThat(lines.subList(2, 5)).containsExactly("line one", "line two", delimiter);
    }

    @Test
    void withoutTheGithubVariablesNothingIsWritten() throws Exception {
        GithubActions none = GithubActions.from(Map.of());
        none.writeOutputs(Map.of("action", "ADDED"));
        none.appendSummary("# x");
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unknownOutputModeIsAUsageError() {
        CliRun run = CliRun.inProcess(env("PRISMA_TOKEN", "t"), work, "register", "--output", "xml",
                "--console-url", "http://127.0.0.1:1", "--image", "a/b:1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--output 'xml'", "human or json");
    }

    @Test
    void noCommandPrintsTheUsageWithTheExitCodes() {
        CliRun run = CliRun.inProcess(Map.of(), work);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("register", "unregister", "Exit codes:", "3  scan timeout");
    }
}
