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
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;
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
        return new OptionSet(Operation.REGISTER).read(parsed, environment);
    }

    @Test
    void optionsAreKebabCaseAndEachHasItsVariable() {
        List<CliOption> options = CliOptions.forOperation(Operation.REGISTER);
        assertThat(options).extracting(CliOption::optionName).contains("--console-url", "--image", "--images",
                "--registry", "--repository", "--tag", "--registry-type", "--scan-later", "--dry-run",
                "--ca-certificate", "--update-existing", "--password-file", "--token-file", "--output");
        assertThat(options).extracting(CliOption::environmentVariable).contains("PRISMA_CONSOLE_URL",
                "PRISMA_USERNAME", "PRISMA_REGISTRY_TYPE", "PRISMA_SCAN_LATER", "PRISMA_PASSWORD_FILE", "HTTPS_PROXY");
        assertThat(CliOptions.forOperation(Operation.UNREGISTER)).extracting(CliOption::name)
                .doesNotContain("updateExisting");
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

    private ParameterValues read(RawValues raw) throws Exception {
        return ParameterReader.read(raw.source(), raw.naming(), Operation.REGISTER);
    }

    @Test
    void aBareFlagMeansTrueAndBooleansAreStrict() throws Exception {
        ParameterValues bare = read(parse(Map.of(), "register", "--dry-run"));
        assertThat(bare.get(Parameters.DRY_RUN)).isTrue();
        assertThat(bare.get(Parameters.SCAN_LATER)).isFalse();
        assertThat(read(parse(Map.of(), "register", "--dry-run=FALSE")).get(Parameters.DRY_RUN)).isFalse();
        RawValues yes = parse(env("PRISMA_SCAN_LATER", "yes"), "register");
        assertThatThrownBy(() -> read(yes)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("PRISMA_SCAN_LATER must be true or false");
        RawValues given = parse(Map.of(), "register", "--cap", "-1");
        assertThatThrownBy(() -> read(given)).hasMessageStartingWith("--cap must be 0 or more");
    }

    @Test
    void unsetParametersAreNamedByOptionAndVariable() throws Exception {
        RawValues none = parse(Map.of(), "register");
        assertThat(none.naming().spell(Parameters.CONSOLE_URL)).isEqualTo("--console-url (PRISMA_CONSOLE_URL)");
        assertThat(parse(env("PRISMA_CONSOLE_URL", "x"), "register").naming().spell(Parameters.CONSOLE_URL))
                .isEqualTo("PRISMA_CONSOLE_URL");
    }

    @Test
    void theProxyComesFromHttpsProxyWithoutRepeatingItsPassword() throws Exception {
        RawValues raw = parse(env("HTTPS_PROXY", "http://proxy-user:proxy-Secret-1@proxy.example.com:3128",
                "NO_PROXY", ".internal,10.1.2.3"), "register");
        ProxySettings proxy = CommandSettings.proxy(raw, read(raw));
        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).isEqualTo("proxy-user");
        assertThat(proxy.password()).isEqualTo("proxy-Secret-1");
        assertThat(proxy.nonProxyHosts()).containsExactly("*.internal", "10.1.2.3");
        assertThat(proxy.toString()).doesNotContain("proxy-Secret-1");
        RawValues bad = parse(Map.of(), "register", "--proxy", "socks5://u:proxy-Secret-1@host:1");
        assertThatThrownBy(() -> CommandSettings.proxy(bad, read(bad))).hasMessageContaining("--proxy")
                .hasMessageNotContaining("proxy-Secret-1");
        RawValues onTheCommandLine = parse(Map.of(), "register", "--proxy", "http://u:proxy-Secret-1@host:3128");
        assertThatThrownBy(() -> CommandSettings.proxy(onTheCommandLine, read(onTheCommandLine)))
                .hasMessageContaining("HTTPS_PROXY").hasMessageNotContaining("proxy-Secret-1");
        RawValues userOnly = parse(Map.of(), "register", "--proxy", "http://u@host:3128");
        assertThat(CommandSettings.proxy(userOnly, read(userOnly)).username()).isEqualTo("u");
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
        assertThat(run.err()).contains("--output must be human or json, was 'xml'");
    }

    @Test
    void noCommandPrintsTheUsageWithTheExitCodes() {
        CliRun run = CliRun.inProcess(Map.of(), work);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("register", "unregister", "Exit codes:", "3  scan timeout");
    }
}
