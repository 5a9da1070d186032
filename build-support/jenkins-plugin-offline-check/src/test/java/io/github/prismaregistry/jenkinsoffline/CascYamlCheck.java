package io.github.prismaregistry.jenkinsoffline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks configuration-as-code YAML: it parses, and the keys under {@code unclassified.<symbol>} are attributes the
 * global configuration really has.
 */
final class CascYamlCheck {

    /** Top-level keys of a configuration-as-code document. */
    static final Set<String> CASC_ROOTS = Set.of("jenkins", "unclassified", "credentials", "security", "tool", "appearance");

    private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^[ \\t]*```ya?ml[ \\t]*\\R(.*?)^[ \\t]*```");

    /** One YAML text and where it came from. */
    record Snippet(String origin, String text, boolean requireConfiguration) {}

    private final String symbol;
    private final Set<String> attributes;

    CascYamlCheck(String symbol, Set<String> attributes) {
        this.symbol = symbol;
        this.attributes = attributes;
    }

    /** Every fenced {@code yaml} block of a Markdown file. */
    static List<Snippet> markdownBlocks(Path markdown) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        Matcher m = YAML_BLOCK.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            snippets.add(new Snippet(markdown + ":" + line, m.group(1), false));
        }
        return snippets;
    }

    static Snippet file(Path yaml) throws IOException {
        return new Snippet(yaml.toString(), Files.readString(yaml, StandardCharsets.UTF_8), true);
    }

    /**
     * Problems in one snippet. A document with configuration-as-code roots must configure {@code unclassified.<symbol>}
     * only with known attributes; a file without such roots is taken as an exported {@code <symbol>} node (what a
     * JCasC export test compares against), so its own top-level keys must be attributes.
     */
    List<String> check(Snippet snippet) {
        List<String> problems = new ArrayList<>();
        List<Object> documents = new ArrayList<>();
        try {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(snippet.text()).forEach(documents::add);
        } catch (YAMLException e) {
            problems.add(snippet.origin() + ": YAML does not parse: " + e.getMessage());
            return problems;
        }
        boolean configured = false;
        for (Object document : documents) {
            if (!(document instanceof Map<?, ?> root)) {
                continue;
            }
            boolean casc = root.keySet().stream().anyMatch(CASC_ROOTS::contains);
            if (casc) {
                Object unclassified = root.get("unclassified");
                if (unclassified instanceof Map<?, ?> sections && sections.containsKey(symbol)) {
                    configured = true;
                    checkAttributes(snippet.origin() + ": unclassified." + symbol, sections.get(symbol), problems);
                }
            } else if (snippet.requireConfiguration()) {
                configured = true;
                checkAttributes(snippet.origin() + ": exported " + symbol, root, problems);
            }
        }
        if (snippet.requireConfiguration() && !configured) {
            problems.add(snippet.origin() + ": no unclassified." + symbol + " section");
        }
        return problems;
    }

    /** True when the snippet configures this plugin at all; README blocks about other things are only parsed. */
    boolean mentionsConfiguration(Snippet snippet) {
        return snippet.text().contains(symbol + ":");
    }

    private void checkAttributes(String where, Object node, List<String> problems) {
        if (!(node instanceof Map<?, ?> values)) {
            problems.add(where + " is not a mapping of attributes");
            return;
        }
        for (Object key : values.keySet()) {
            if (!attributes.contains(String.valueOf(key))) {
                problems.add(where + "." + key + " is not an attribute of the configuration (known: " + attributes + ")");
            }
        }
    }
}
