package io.github.prismaregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every catalogue parameter of each operation the command line offers is an option of that subcommand. */
class CatalogueExposureTest {

    private static CommandSpec subcommand(Operation operation) {
        CommandLine cli = new PrismaRegistryCli(Map.of(), Path.of(""), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).commandLine();
        return cli.getSubcommands().get(operation.verb()).getCommandSpec();
    }

    @Test
    void everyParameterIsAnOptionWithItsMeaningDefaultAndVariable() {
        for (Operation operation : PrismaRegistryCli.COMMANDS) {
            CommandSpec spec = subcommand(operation);
            for (Parameter<?> p : Parameters.forOperation(operation, FrontEnd.CLI)) {
                if (p.kind() == ParameterKind.SECRET) {
                    continue;
                }
                OptionSpec option = spec.findOption(p.optionName());
                assertThat(option).as(operation.verb() + " " + p.optionName()).isNotNull();
                assertThat(option.hidden()).isFalse();
                String help = String.join(" ", option.description());
                assertThat(help).as(p.optionName()).contains(p.meaning())
                        .contains("Env: " + (p.environmentVariable() != null ? p.environmentVariable()
                                : CliOption.variableFor(p.optionName())));
                if (!p.defaultText().isEmpty() && !p.defaultText().startsWith("(")) {
                    assertThat(help).as(p.optionName()).contains("Default: " + p.defaultText());
                }
            }
        }
    }

    @Test
    void secretsAreReadFromAFileOrTheEnvironmentNeverFromTheirOwnOption() {
        for (Operation operation : PrismaRegistryCli.COMMANDS) {
            CommandSpec spec = subcommand(operation);
            for (Parameter<?> p : Parameters.forOperation(operation, FrontEnd.CLI)) {
                if (p.kind() != ParameterKind.SECRET) {
                    continue;
                }
                assertThat(spec.findOption(p.optionName()).hidden()).as(p.optionName() + " only refuses").isTrue();
                OptionSpec file = spec.findOption(p.optionName() + "-file");
                assertThat(file).as(p.optionName() + "-file").isNotNull();
                assertThat(String.join(" ", file.description())).contains(p.environmentVariable());
            }
        }
    }

    @Test
    void parametersOfOtherFrontEndsAreNotOptions() {
        for (Operation operation : PrismaRegistryCli.COMMANDS) {
            CommandSpec spec = subcommand(operation);
            for (Parameter<?> p : Parameters.forOperation(operation)) {
                if (!p.offeredBy(FrontEnd.CLI)) {
                    assertThat(spec.findOption(p.optionName())).as(p.optionName()).isNull();
                }
            }
            for (Parameter<?> p : Parameters.all()) {
                if (!p.usedBy(operation) && p.offeredBy(FrontEnd.CLI)) {
                    assertThat(spec.findOption(p.optionName())).as(operation.verb() + " " + p.optionName()).isNull();
                }
            }
        }
    }

    @Test
    void theSubcommandsAreTheCataloguesOperationsByTheirVerbs() {
        assertThat(PrismaRegistryCli.COMMANDS).allSatisfy(op -> assertThat(subcommand(op).name()).isEqualTo(op.verb()));
    }
}
