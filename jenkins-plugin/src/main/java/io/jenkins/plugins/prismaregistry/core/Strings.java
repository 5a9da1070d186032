package io.jenkins.plugins.prismaregistry.core;

/** The few string helpers the plugin needs; kept here so no Jenkins or commons-lang import is required. */
public final class Strings {

    private Strings() {
    }

    /** Trimmed value, or {@code null} when blank. Form fields arrive as empty strings, Pipeline arguments as null. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first argument that is not blank, trimmed; {@code null} when all are blank. */
    public static String firstNonBlank(String... values) {
        for (String value : values) {
            String trimmed = blankToNull(value);
            if (trimmed != null) {
                return trimmed;
            }
        }
        return null;
    }
}
