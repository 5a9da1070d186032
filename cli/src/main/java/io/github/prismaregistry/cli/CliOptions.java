package io.github.prismaregistry.cli;

import io.github.prismaregistry.cli.CliOption.Shape;
import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of each subcommand: the catalogue's parameters of that operation, in catalogue order, with secrets turned
 * into file options, plus the few options of the command line alone.
 */
final class CliOptions {

    static final String PASSWORD_FILE = "passwordFile";
    static final String TOKEN_FILE = "tokenFile";
    static final String OUTPUT = "output";
    static final String VERBOSE = "verbose";
    /** Where results go when --output-directory is not given, relative to the working directory. */
    static final String DEFAULT_OUTPUT_DIRECTORY = "prisma-registry";

    private CliOptions() {
    }

    static List<CliOption> forOperation(Operation operation) {
        List<CliOption> options = new ArrayList<>();
        for (Parameter<?> p : Parameters.forOperation(operation, FrontEnd.CLI)) {
            if (p.kind() == ParameterKind.SECRET) {
                // Never a plain option: the environment variable, or a file named here.
                options.add(CliOption.commandLineOnly(p.name() + "File", p.optionName() + "-file", Shape.VALUE, "<path>", "",
                        "Read " + p.name() + " from this file: " + p.meaning() + " Or set "
                                + p.environmentVariable() + "."));
            } else if (p == Parameters.IMAGE) {
                options.add(CliOption.of(p).repeatable());
            } else if (p == Parameters.OUTPUT_DIRECTORY) {
                options.add(CliOption.of(p).withDefault(DEFAULT_OUTPUT_DIRECTORY));
            } else {
                options.add(CliOption.of(p));
            }
        }
        if (operation == Operation.SCAN) {
            options.add(CliOption.commandLineOnly(ScanCommand.SARIF, "--sarif", Shape.VALUE, "<path>", "",
                    "Also write the SARIF 2.1.0 report here (for code scanning uploads)."));
            options.add(CliOption.commandLineOnly(ScanCommand.JUNIT, "--junit", Shape.VALUE, "<path>", "",
                    "Also write the JUnit XML report here (one failing case per counted vulnerability)."));
        }
        options.add(CliOption.commandLineOnly(OUTPUT, "--output", Shape.VALUE, "<human|json>", "human",
                "What to print on standard output: a summary, or the result object as JSON."));
        options.add(CliOption.commandLineOnly(VERBOSE, "--verbose", Shape.FLAG, "true|false", "false",
                "Also print debug messages on standard error."));
        return options;
    }
}
