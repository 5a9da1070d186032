package io.jenkins.plugins.prismaregistry.core;

/** What a step or build step asks the engine to do. */
public enum Operation {
    REGISTER("register"),
    UNREGISTER("unregister"),
    SCAN("scan");

    private final String verb;

    Operation(String verb) {
        this.verb = verb;
    }

    /** The same operation in the parameter catalogue, which says which parameters it reads. */
    public io.github.prismaregistry.parameters.Operation catalogueOperation() {
        return io.github.prismaregistry.parameters.Operation.valueOf(name());
    }

    /** Lower-case verb for messages and file names. */
    public String verb() {
        return verb;
    }
}
