package io.github.prismaregistry.cli;

import java.util.Locale;

/**
 * One command-line option: its parameter name (camelCase, as in every front end), how it is given, its default and
 * meaning for {@code --help}, and the environment variable read when it is not on the command line.
 */
record OptionDef(String name, Shape shape, String defaultValue, String meaning, String environmentVariable) {

    /** How the option is written on the command line. */
    enum Shape {
        /** {@code --dry-run} or {@code --dry-run=false}. */
        FLAG,
        /** {@code --cap 5}. */
        VALUE,
        /** {@code --image a --image b} or {@code --image a,b}. */
        LIST
    }

    /** {@code --scan-later} for {@code scanLater}. */
    String optionName() {
        return "--" + kebab(name);
    }

    /** {@code PRISMA_SCAN_LATER} for {@code scanLater}. */
    static String environmentVariableFor(String name) {
        return "PRISMA_" + kebab(name).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    static String kebab(String camel) {
        StringBuilder s = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('-').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
