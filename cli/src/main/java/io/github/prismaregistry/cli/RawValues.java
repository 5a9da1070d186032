package io.github.prismaregistry.cli;

import java.util.List;
import java.util.Map;

/** The values a user gave for one command, unparsed, with where each came from (an option or a variable). */
final class RawValues {

    private final Map<String, OptionDef> definitions;
    private final Map<String, List<String>> values;
    private final Map<String, String> sources;

    RawValues(List<OptionDef> definitions, Map<String, List<String>> values, Map<String, String> sources) {
        this.definitions = new java.util.LinkedHashMap<>();
        definitions.forEach(d -> this.definitions.put(d.name(), d));
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
    }

    /** The value given last, or {@code null} when it was given neither as an option nor in the environment. */
    String get(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() ? null : given.get(given.size() - 1);
    }

    /** Every value given for a list option, empty when none. */
    List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** {@code --cap} or {@code PRISMA_CAP}: where the value came from, for messages. */
    String source(String name) {
        return sources.getOrDefault(name, spelling(name));
    }

    /** How the user writes this parameter: {@code --cap (PRISMA_CAP)}. */
    String spelling(String name) {
        OptionDef d = definitions.get(name);
        if (d == null) {
            return name;
        }
        return d.environmentVariable() == null ? d.optionName() : d.optionName() + " (" + d.environmentVariable() + ")";
    }

    OptionDef definition(String name) {
        return definitions.get(name);
    }
}
