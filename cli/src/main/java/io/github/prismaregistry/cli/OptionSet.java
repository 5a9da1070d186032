package io.github.prismaregistry.cli;

import io.github.prismaregistry.parameters.FrontEnd;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns option definitions into picocli options (all taking raw strings, so one parser validates every front end's
 * values) and reads the raw values back: the command line first, then the environment variable.
 */
final class OptionSet {

    private final List<CliOption> definitions;
    /** Secrets on the command line would show in process lists and shell histories; these options only refuse them. */
    private final List<Parameter<?>> refusedSecrets;

    OptionSet(Operation operation) {
        this.definitions = CliOptions.forOperation(operation);
        this.refusedSecrets = Parameters.forOperation(operation, FrontEnd.CLI).stream()
                .filter(p -> p.kind() == ParameterKind.SECRET).toList();
    }

    List<CliOption> definitions() {
        return definitions;
    }

    void addTo(CommandSpec command) {
        for (CliOption d : definitions) {
            command.addOption(toOption(d));
        }
        refusedSecrets.forEach(p -> command.addOption(OptionSpec.builder(p.optionName())
                .arity("0..1").type(String.class).hidden(true).build()));
    }

    private static OptionSpec toOption(CliOption d) {
        OptionSpec.Builder option = OptionSpec.builder(d.optionName()).description(describe(d)).paramLabel(d.label());
        switch (d.shape()) {
            case FLAG -> option.arity("0..1").fallbackValue("true").type(String.class);
            case LIST -> option.arity("1").type(List.class).auxiliaryTypes(String.class);
            case VALUE -> option.arity("1").type(String.class);
            default -> throw new IllegalStateException(d.shape().name());
        }
        return option.build();
    }

    private static String describe(CliOption d) {
        StringBuilder text = new StringBuilder(d.meaning());
        if (d.defaultText().equals("(required)")) {
            text.append(" Required.");
        } else if (!d.defaultText().isEmpty()) {
            text.append(" Default: ").append(d.defaultText()).append('.');
        }
        if (d.environmentVariable() != null) {
            text.append(" Env: ").append(d.environmentVariable()).append('.');
        }
        return text.toString();
    }

    /** The raw values of this command's options; refuses secrets given as plain options. */
    RawValues read(ParseResult parsed, Map<String, String> environment) throws UsageException {
        for (Parameter<?> secret : refusedSecrets) {
            if (parsed.hasMatchedOption(secret.optionName())) {
                // The value itself is never repeated: it is the secret.
                throw new UsageException(secret.optionName() + " is not accepted on the command line, where process"
                        + " lists and shell histories show it: set " + secret.environmentVariable() + " or pass "
                        + secret.optionName() + "-file FILE.");
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (CliOption d : definitions) {
            OptionSpec option = parsed.commandSpec().findOption(d.optionName());
            if (parsed.hasMatchedOption(option)) {
                List<String> given = new ArrayList<>();
                for (String raw : option.<List<String>>stringValues()) {
                    given.addAll(split(d, raw));
                }
                values.put(d.name(), given);
                sources.put(d.name(), d.optionName());
            } else if (d.environmentVariable() != null && !isBlank(environment.get(d.environmentVariable()))) {
                values.put(d.name(), split(d, environment.get(d.environmentVariable())));
                sources.put(d.name(), d.environmentVariable());
            }
        }
        return new RawValues(definitions, values, sources);
    }

    /** Lists may be comma separated; from the environment (a multi-line CI input, say) also line by line. */
    private static List<String> split(CliOption d, String raw) {
        if (d.shape() != CliOption.Shape.LIST) {
            return List.of(raw);
        }
        List<String> items = new ArrayList<>();
        for (String item : raw.split("[,\\r\\n]")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
