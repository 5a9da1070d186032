package io.github.prismaregistry.cli;

import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import java.util.Locale;

/**
 * One command-line option: a catalogue parameter as the command line offers it, or one of the few options only the
 * command line has (secret files, output format). Every option also reads an environment variable.
 *
 * @param name       camelCase, as in every front end ({@code scanLater})
 * @param parameter  the catalogue parameter, or {@code null} for an option of the command line alone
 * @param optionName {@code --scan-later} for {@code scanLater}: the catalogue's own spelling
 * @param shape      how it is written
 * @param label      the value's placeholder in {@code --help}
 * @param defaultText the default as {@code --help} shows it, empty for none
 */
record CliOption(String name, Parameter<?> parameter, String optionName, Shape shape, String label, String defaultText, String meaning,
        String environmentVariable) {

    /** How an option is written on the command line. */
    enum Shape {
        /** {@code --dry-run} or {@code --dry-run=false}. */
        FLAG,
        /** {@code --cap 5}. */
        VALUE,
        /** {@code --image a --image b}, or {@code --collections a,b}; all occurrences are joined with commas. */
        LIST
    }

    /** The option for a catalogue parameter: its kebab-case name and, unless the catalogue names one, PRISMA_NAME. */
    static CliOption of(Parameter<?> p) {
        Shape shape = switch (p.kind()) {
            case BOOLEAN -> Shape.FLAG;
            case LIST -> Shape.LIST;
            default -> Shape.VALUE;
        };
        String variable = p.environmentVariable() != null ? p.environmentVariable() : variableFor(p.optionName());
        return new CliOption(p.name(), p, p.optionName(), shape, label(p), p.defaultText(), p.meaning(), variable);
    }

    /** An option the catalogue does not have, because only the command line needs it. */
    static CliOption commandLineOnly(String name, String optionName, Shape shape, String label, String defaultText,
            String meaning) {
        return new CliOption(name, null, optionName, shape, label, defaultText, meaning, variableFor(optionName));
    }

    /** The same option with another default shown (the command line's own, where the catalogue leaves it open). */
    CliOption withDefault(String text) {
        return new CliOption(name, parameter, optionName, shape, label, text, meaning, environmentVariable);
    }

    /** The same option, repeatable: {@code --image a --image b}. */
    CliOption repeatable() {
        return new CliOption(name, parameter, optionName, Shape.LIST, label, defaultText, meaning, environmentVariable);
    }

    /** {@code PRISMA_SCAN_LATER} for {@code --scan-later}. */
    static String variableFor(String optionName) {
        return "PRISMA_" + optionName.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String label(Parameter<?> p) {
        ParameterKind kind = p.kind();
        return switch (kind) {
            case BOOLEAN -> "true|false";
            case INTEGER -> "<n>";
            case SECONDS -> "<seconds>";
            case CHOICE -> "<" + String.join("|", p.choices()) + ">";
            case LIST -> "<" + p.name() + ",...>";
            case PATH -> "<path>";
            case PEM -> "<file-or-pem>";
            case STRING, SECRET -> "<" + p.name() + ">";
        };
    }
}
