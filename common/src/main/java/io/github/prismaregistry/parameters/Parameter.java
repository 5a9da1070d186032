package io.github.prismaregistry.parameters;

import io.github.prismaregistry.api.InvalidRequestException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One user-facing parameter. Immutable; the instances live in {@link Parameters}.
 *
 * @param <T> the parsed type: {@link Boolean}, {@link Integer}, {@link String}, {@code List<String>}, {@link Duration}
 *            or {@link Path}
 */
public final class Parameter<T> {

    static final String PROPERTY_PREFIX = "prismaRegistry.";

    private final String name;
    private final ParameterKind kind;
    private final T defaultValue;
    private final String defaultText;
    private final String meaning;
    private final Set<Operation> operations;
    private final Set<FrontEnd> frontEnds;
    private final String environmentVariable;
    private final long minimum;
    private final long maximum;
    private final List<String> choices;

    private Parameter(Builder<T> b) {
        this.name = b.name;
        this.kind = b.kind;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText != null ? b.defaultText : defaultAsText(b.defaultValue);
        this.meaning = Objects.requireNonNull(b.meaning, "meaning of " + b.name);
        this.operations = Collections.unmodifiableSet(EnumSet.copyOf(b.operations));
        this.frontEnds = Collections.unmodifiableSet(EnumSet.copyOf(b.frontEnds));
        this.environmentVariable = b.environmentVariable;
        this.minimum = b.minimum;
        this.maximum = b.maximum;
        this.choices = List.copyOf(b.choices);
    }

    /** camelCase name, e.g. {@code scanLater}: the Maven element, the Jenkins field. */
    public String name() {
        return name;
    }

    public ParameterKind kind() {
        return kind;
    }

    /** The value when unset, or {@code null} when unset means "none" or is decided elsewhere (e.g. inferred). */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as documentation shows it: the typed default ({@code false}, {@code 900}, {@code All}), or words
     * for defaults that are not a value ({@code discover}, {@code inferred from the host}); empty when there is none.
     */
    public String defaultText() {
        return defaultText;
    }

    /** One line saying what it does. */
    public String meaning() {
        return meaning;
    }

    public Set<Operation> operations() {
        return operations;
    }

    public boolean usedBy(Operation operation) {
        return operations.contains(operation);
    }

    public Set<FrontEnd> frontEnds() {
        return frontEnds;
    }

    public boolean offeredBy(FrontEnd frontEnd) {
        return frontEnds.contains(frontEnd);
    }

    /** {@code prismaRegistry.<name>}: the Maven user property. */
    public String propertyName() {
        return PROPERTY_PREFIX + name;
    }

    /** {@code --<kebab-case-name>}: the command-line option, e.g. {@code --scan-later}. */
    public String optionName() {
        StringBuilder option = new StringBuilder("--");
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                option.append('-').append(Character.toLowerCase(c));
            } else {
                option.append(c);
            }
        }
        return option.toString();
    }

    /** The environment variable that may supply it ({@code PRISMA_TOKEN}), or {@code null}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Smallest accepted number (INTEGER) or number of seconds (SECONDS). */
    public long minimum() {
        return minimum;
    }

    /** Largest accepted number (INTEGER) or number of seconds (SECONDS). */
    public long maximum() {
        return maximum;
    }

    /** The accepted words of a CHOICE, in their canonical spelling; empty for other kinds. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Reads a raw value. Blank or {@code null} means unset and gives {@link #defaultValue()}.
     *
     * @throws InvalidRequestException naming this parameter as {@code naming} spells it
     */
    @SuppressWarnings("unchecked")
    public T parse(String raw, ParameterNaming naming) throws InvalidRequestException {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String value = raw.trim();
        return (T) switch (kind) {
            case BOOLEAN -> parseBoolean(value, naming);
            case INTEGER -> parseInteger(value, naming);
            case SECONDS -> Duration.ofSeconds(parseSeconds(value, naming));
            case CHOICE -> parseChoice(value, naming);
            case LIST -> parseList(value, naming);
            case PATH -> parsePath(value, naming);
            case STRING, PEM -> value;
            case SECRET -> raw; // a secret is passed on exactly as given
        };
    }

    private Boolean parseBoolean(String value, ParameterNaming naming) throws InvalidRequestException {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw invalid(naming, "must be true or false, was '" + value + "'");
    }

    private Integer parseInteger(String value, ParameterNaming naming) throws InvalidRequestException {
        long number = parseWhole(value, naming, "a whole number");
        if (number < minimum || number > maximum) {
            throw invalid(naming, "must be " + range(number, "") + ", was " + number);
        }
        return (int) number;
    }

    private long parseSeconds(String value, ParameterNaming naming) throws InvalidRequestException {
        // "30s" reads naturally for a duration; anything fancier (PT30S, 1m) is refused rather than guessed.
        String digits = value.endsWith("s") || value.endsWith("S") ? value.substring(0, value.length() - 1).trim() : value;
        long seconds;
        try {
            seconds = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(naming, "must be a whole number of seconds, was '" + value + "'");
        }
        if (seconds < minimum || seconds > maximum) {
            throw invalid(naming, "must be " + range(seconds, " seconds") + ", was " + Seconds.describe(seconds));
        }
        return seconds;
    }

    private long parseWhole(String value, ParameterNaming naming, String expected) throws InvalidRequestException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(naming, "must be " + expected + ", was '" + value + "'");
        }
    }

    private String range(long number, String unit) {
        boolean unbounded = maximum >= Integer.MAX_VALUE;
        if (unbounded) {
            return number < minimum ? minimum + unit + " or more" : "at most " + maximum + unit;
        }
        return "between " + minimum + " and " + maximum + unit;
    }

    private String parseChoice(String value, ParameterNaming naming) throws InvalidRequestException {
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw invalid(naming, "must be one of " + String.join(", ", choices) + ", was '" + value + "'");
    }

    private List<String> parseList(String value, ParameterNaming naming) throws InvalidRequestException {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty() && !items.contains(trimmed)) {
                items.add(trimmed);
            }
        }
        if (items.isEmpty()) {
            throw invalid(naming, "must name at least one value (comma separated), or be left unset");
        }
        return List.copyOf(items);
    }

    private Path parsePath(String value, ParameterNaming naming) throws InvalidRequestException {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw invalid(naming, "is not a usable path: '" + value + "'");
        }
    }

    /** An error about this parameter, spelled as the caller spells it: "{@code <cap> / -DprismaRegistry.cap} problem". */
    public InvalidRequestException invalid(ParameterNaming naming, String problem) {
        return new InvalidRequestException(name, naming.spell(this) + " " + problem);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String defaultAsText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration d) {
            return Long.toString(d.toSeconds());
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    static <T> Builder<T> builder(String name, ParameterKind kind) {
        return new Builder<>(name, kind);
    }

    static final class Builder<T> {
        private final String name;
        private final ParameterKind kind;
        private T defaultValue;
        private String defaultText;
        private String meaning;
        private Set<Operation> operations = EnumSet.allOf(Operation.class);
        private Set<FrontEnd> frontEnds = EnumSet.allOf(FrontEnd.class);
        private String environmentVariable;
        private long minimum = Long.MIN_VALUE;
        private long maximum = Long.MAX_VALUE;
        private List<String> choices = List.of();

        private Builder(String name, ParameterKind kind) {
            this.name = name;
            this.kind = kind;
        }

        Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        Builder<T> meaning(String text) {
            this.meaning = text;
            return this;
        }

        Builder<T> operations(Operation first, Operation... rest) {
            this.operations = EnumSet.of(first, rest);
            return this;
        }

        Builder<T> frontEnds(FrontEnd first, FrontEnd... rest) {
            this.frontEnds = EnumSet.of(first, rest);
            return this;
        }

        Builder<T> environmentVariable(String variable) {
            this.environmentVariable = variable;
            return this;
        }

        Builder<T> range(long min, long max) {
            this.minimum = min;
            this.maximum = max;
            return this;
        }

        Builder<T> choices(String... words) {
            this.choices = List.of(words);
            return this;
        }

        Parameter<T> build() {
            return new Parameter<>(this);
        }
    }
}
