package io.github.prismaregistry.api;

/** Where the engine reports progress; each front end supplies its own (Maven's Log, Jenkins' TaskListener). */
public interface RegistryLog {

    void info(String message);

    void warn(String message);

    default void debug(String message) {
    }

    /** Discards everything. */
    static RegistryLog silent() {
        return new RegistryLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
