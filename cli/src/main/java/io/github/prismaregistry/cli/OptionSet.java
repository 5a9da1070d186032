package io.github.prismaregistry.cli;

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

    /** Secrets on the command line would show in process lists and shell histories; these options only refuse them. */
    static final Map<String, String> REFUSED_SECRETS = Map.of(
            "--password", "set PRISMA_PASSWORD or pass --password-file FILE",
            "--token", "set PRISMA_TOKEN or pass --token-file FILE");

    private final List<OptionDef> definitions;

    OptionSet(List<OptionDef> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    List<OptionDef> definitions() {
        return definitions;
    }

    void addTo(CommandSpec command) {
        for (OptionDef d : definitions) {
            command.addOption(toOption(d));
        }
        REFUSED_SECRETS.keySet().forEach(name -> command.addOption(OptionSpec.builder(name)
                .arity("0..1").type(String.class).hidden(true).build()));
    }

    private static OptionSpec toOption(OptionDef d) {
        OptionSpec.Builder option = OptionSpec.builder(d.optionName()).description(describe(d));
        switch (d.shape()) {
            case FLAG -> option.arity("0..1").fallbackValue("true").paramLabel("true|false").type(String.class);
            case LIST -> option.arity("1").type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                    .paramLabel("<" + d.name() + ">");
            case VALUE -> option.arity("1").type(String.class).paramLabel("<" + d.name() + ">");
            default -> throw new IllegalStateException(d.shape().name());
        }
        return option.build();
    }

    private static String describe(OptionDef d) {
        StringBuilder text = new StringBuilder(d.meaning());
        if (d.defaultValue() != null) {
            text.append(" Default: ").append(d.defaultValue()).append('.');
        }
        if (d.environmentVariable() != null) {
            text.append(" Env: ").append(d.environmentVariable()).append('.');
        }
        return text.toString();
    }

    /** The raw values of this command's options; refuses secrets given as plain options. */
    RawValues read(ParseResult parsed, Map<String, String> environment) throws UsageException {
        for (Map.Entry<String, String> refused : REFUSED_SECRETS.entrySet()) {
            if (parsed.hasMatchedOption(refused.getKey())) {
                // The value itself is never repeated: it is the secret.
                throw new UsageException(refused.getKey() + " is not accepted on the command line, where process lists"
                        + " and shell histories show it: " + refused.getValue() + ".");
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (OptionDef d : definitions) {
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
    private static List<String> split(OptionDef d, String raw) {
        if (d.shape() != OptionDef.Shape.LIST) {
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
