package io.github.prismaregistry.parameters;

import java.util.Locale;

/** What a call asks for. Maven goals and CLI subcommands are named by {@link #verb()}. */
public enum Operation {
    REGISTER,
    UNREGISTER,
    SCAN;

    /** Lower-case name: the Maven goal, the CLI subcommand, the word used in messages. */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation whose {@link #verb()} this is, or {@code null} (e.g. the Maven {@code help} goal). */
    public static Operation forVerb(String verb) {
        for (Operation operation : values()) {
            if (operation.verb().equalsIgnoreCase(verb)) {
                return operation;
            }
        }
        return null;
    }
}
