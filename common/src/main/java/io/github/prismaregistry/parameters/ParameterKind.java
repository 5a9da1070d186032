package io.github.prismaregistry.parameters;

/** How a raw value is read. */
public enum ParameterKind {
    /** {@code true} or {@code false} in any case; anything else is an error. */
    BOOLEAN,
    /** A whole number within the parameter's bounds. */
    INTEGER,
    /** One of a fixed set of words, matched in any case and returned in the catalogue's spelling. */
    CHOICE,
    /** Free text, trimmed; checked further by the engine where it has a grammar (image, consoleUrl ...). */
    STRING,
    /** Several values: comma separated when raw; blanks and repeats are dropped. */
    LIST,
    /** A whole number of seconds, at least the parameter's minimum; messages show seconds. */
    SECONDS,
    /** A file or directory. */
    PATH,
    /** PEM: either a file holding it or the PEM text itself. */
    PEM,
    /** A password or token: never echoed in a message. */
    SECRET
}
