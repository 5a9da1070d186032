package io.github.prismaregistry.cli;

import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterSource;
import io.github.prismaregistry.parameters.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a user gave for one command, unparsed, with where each came from (an option or a variable). The
 * catalogue reads them through {@link #source()} and names them through {@link #naming()}.
 */
final class RawValues {

    private final Map<String, CliOption> options = new LinkedHashMap<>();
    private final Map<String, List<String>> values;
    private final Map<String, String> sources;

    RawValues(List<CliOption> options, Map<String, List<String>> values, Map<String, String> sources) {
        options.forEach(o -> this.options.put(o.name(), o));
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
    }

    /** The value given last (a list: all of them, comma separated), or {@code null} when given nowhere. */
    String get(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        CliOption option = options.get(name);
        return option != null && option.shape() == CliOption.Shape.LIST ? String.join(",", given)
                : given.get(given.size() - 1);
    }

    /** Every value given for a list option, empty when none. */
    List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** The images to handle: every {@code --image} and {@code --images} value, in order, each once. */
    List<String> images() {
        List<String> images = new ArrayList<>();
        for (String image : concat(list(Parameters.IMAGE.name()), list(Parameters.IMAGES.name()))) {
            if (!images.contains(image)) {
                images.add(image);
            }
        }
        return images;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The raw values for the catalogue's reader. Secrets are not among them: {@link CliCredentials} reads those. */
    ParameterSource source() {
        return p -> p.kind() == ParameterKind.SECRET ? null : get(p.name());
    }

    /** {@link #source()} for one image of several. */
    ParameterSource sourceFor(String image) {
        ParameterSource all = source();
        return p -> p == Parameters.IMAGE ? image : p == Parameters.IMAGES ? null : all.raw(p);
    }

    /** Names a parameter where the user set it: {@code --cap} or {@code PRISMA_CAP}; both when it was not set. */
    ParameterNaming naming() {
        return p -> spellingOf(p.name(), p);
    }

    /** {@code --cap} or {@code PRISMA_CAP}: where the value came from, for messages. */
    String source(String name) {
        String source = sources.get(name);
        return source != null ? source : spelling(name);
    }

    /** How the user writes this option: {@code --cap (PRISMA_CAP)}. */
    String spelling(String name) {
        CliOption option = options.get(name);
        if (option == null) {
            return name;
        }
        return option.optionName() + " (" + option.environmentVariable() + ")";
    }

    private String spellingOf(String name, Parameter<?> p) {
        if (sources.containsKey(name)) {
            return sources.get(name);
        }
        return options.containsKey(name) ? spelling(name) : p.optionName();
    }

    CliOption option(String name) {
        return options.get(name);
    }
}
