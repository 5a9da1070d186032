package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The command tree and its dispatch: parse, run one subcommand, map what happened to an exit code. */
final class PrismaRegistryCli {

    static final String NAME = "prisma-registry";
    /** The operations offered as subcommands. */
    static final List<Operation> COMMANDS = List.of(Operation.REGISTER, Operation.UNREGISTER, Operation.SCAN);
    private static final Map<Operation, String> DESCRIPTIONS = Map.of(
            Operation.REGISTER, "Adds the image's repository to the registry-scan settings unless an entry already"
                    + " covers it. No other entry is changed or lost.",
            Operation.UNREGISTER, "Removes exactly the entry register would add; covering wildcard entries and all"
                    + " others stay.",
            Operation.SCAN, "Has the Console scan the (registered) image now and gates on that scan: exit 0 when it"
                    + " passes, 1 when it fails on policy. Reports go to the output directory.");

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<Operation, OptionSet> options = new EnumMap<>(Operation.class);

    PrismaRegistryCli(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
        for (Operation operation : COMMANDS) {
            options.put(operation, new OptionSet(operation));
        }
    }

    CommandLine commandLine() {
        CommandSpec top = CommandSpec.create().name(NAME).mixinStandardHelpOptions(true).version(versionLine());
        top.usageMessage()
                .description("Adds or removes a Prisma Cloud Compute registry-scan entry without losing anyone else's,"
                        + " and gates on an on-demand scan of the image.")
                .footerHeading("%nExit codes:%n")
                .footer("  0  success, or the gate passed",
                        "  1  the gate failed on policy",
                        "  2  usage or configuration error",
                        "  3  scan timeout",
                        "  4  Console, authentication or network error");
        CommandLine cli = new CommandLine(top);
        for (Operation operation : COMMANDS) {
            cli.addSubcommand(subcommand(operation.verb(), options.get(operation), DESCRIPTIONS.get(operation)));
        }
        CommandSpec version = CommandSpec.create().name("version").mixinStandardHelpOptions(true);
        version.usageMessage().description("Prints the version of this tool and of the Java runtime.");
        cli.addSubcommand(new CommandLine(version));
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    private CommandLine subcommand(String name, OptionSet options, String description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true).version(versionLine());
        spec.usageMessage().abbreviateSynopsis(true);
        spec.usageMessage().description(description)
                .descriptionHeading("%n")
                .optionListHeading("%nOptions (each also read from the environment variable named; the command line"
                        + " wins; secrets only from the environment or a file):%n")
                .sortOptions(false);
        options.addTo(spec);
        return new CommandLine(spec);
    }

    private static String versionLine() {
        return NAME + " " + Version.current() + " (Java " + Runtime.version() + ")";
    }

    int run(String... args) {
        CommandLine cli = commandLine();
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage());
            err.println("Run '" + NAME + " help " + (e.getCommandLine().getCommandName().equals(NAME) ? ""
                    : e.getCommandLine().getCommandName()) + "' for the options.");
            err.flush();
            return ExitCode.USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return ExitCode.OK;
        }
        if (!parsed.hasSubcommand()) {
            cli.usage(err);
            return ExitCode.USAGE;
        }
        ParseResult sub = parsed.subcommand();
        try {
            return dispatch(sub);
        } catch (UsageException e) {
            return fail(ExitCode.USAGE, e.getMessage());
        } catch (PrismaRegistryException e) {
            return fail(ExitCode.of(e), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(ExitCode.CONSOLE_ERROR, "Interrupted while talking to the Console.");
        } catch (RuntimeException e) {
            return fail(ExitCode.CONSOLE_ERROR, "Unexpected error: " + e);
        }
    }

    private int dispatch(ParseResult sub) throws UsageException, PrismaRegistryException, InterruptedException {
        String name = sub.commandSpec().name();
        if (name.equals("version")) {
            out.println(versionLine());
            out.flush();
            return ExitCode.OK;
        }
        Operation operation = Operation.forVerb(name);
        RawValues raw = options.get(operation).read(sub, environment);
        CommandSettings settings;
        try {
            settings = CommandSettings.read(operation, raw, environment, workingDirectory);
        } catch (InvalidRequestException e) {
            throw new UsageException(CliMessages.invalid(e, raw));
        }
        StderrLog log = new StderrLog(err, settings.verbose);
        try {
            return operation == Operation.SCAN ? new ScanCommand(settings, out, log).run()
                    : new RegistryCommand(operation, settings, out, log).run();
        } catch (InvalidRequestException e) {
            throw new UsageException(CliMessages.invalid(e, raw));
        } catch (PrismaRegistryException e) {
            if (settings.failOnError()) {
                throw e;
            }
            log.warn(e.getMessage());
            log.warn(name + " failed; exit code 0 because " + raw.source(Parameters.FAIL_ON_ERROR.name())
                    + " is false (it would have been " + ExitCode.of(e) + ").");
            return ExitCode.OK;
        }
    }

    private int fail(int code, String message) {
        err.println("error: " + message);
        err.flush();
        return code;
    }
}
