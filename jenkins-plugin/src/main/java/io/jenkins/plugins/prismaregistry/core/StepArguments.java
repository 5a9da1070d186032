package io.jenkins.plugins.prismaregistry.core;

import java.util.function.UnaryOperator;

/**
 * The arguments of one step or build step call, as plain values. Blank strings are stored as {@code null};
 * {@code scanLater == null} means "use the global default".
 */
public final class StepArguments {

    private String image;
    private String registry;
    private String repository;
    private String tag;
    private String registryType;
    private String registryCredentialId;
    private String os;
    private Integer cap;
    private Integer scanners;
    private String collections;
    private Boolean scanLater;
    private boolean updateExisting;
    private boolean dryRun;
    private boolean failOnError = true;
    private String consoleUrl;
    private String credentialsId;

    public StepArguments image(String value) {
        this.image = Strings.blankToNull(value);
        return this;
    }

    public StepArguments registry(String value) {
        this.registry = Strings.blankToNull(value);
        return this;
    }

    public StepArguments repository(String value) {
        this.repository = Strings.blankToNull(value);
        return this;
    }

    public StepArguments tag(String value) {
        this.tag = Strings.blankToNull(value);
        return this;
    }

    public StepArguments registryType(String value) {
        this.registryType = Strings.blankToNull(value);
        return this;
    }

    public StepArguments registryCredentialId(String value) {
        this.registryCredentialId = Strings.blankToNull(value);
        return this;
    }

    public StepArguments os(String value) {
        this.os = Strings.blankToNull(value);
        return this;
    }

    public StepArguments cap(Integer value) {
        this.cap = value;
        return this;
    }

    public StepArguments scanners(Integer value) {
        this.scanners = value;
        return this;
    }

    /** Comma-separated collection names, e.g. {@code "All"} or {@code "prod, payments"}. */
    public StepArguments collections(String value) {
        this.collections = Strings.blankToNull(value);
        return this;
    }

    public StepArguments scanLater(Boolean value) {
        this.scanLater = value;
        return this;
    }

    public StepArguments updateExisting(boolean value) {
        this.updateExisting = value;
        return this;
    }

    public StepArguments dryRun(boolean value) {
        this.dryRun = value;
        return this;
    }

    public StepArguments failOnError(boolean value) {
        this.failOnError = value;
        return this;
    }

    public StepArguments consoleUrl(String value) {
        this.consoleUrl = Strings.blankToNull(value);
        return this;
    }

    public StepArguments credentialsId(String value) {
        this.credentialsId = Strings.blankToNull(value);
        return this;
    }

    public String image() {
        return image;
    }

    public String registry() {
        return registry;
    }

    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    public String registryType() {
        return registryType;
    }

    public String registryCredentialId() {
        return registryCredentialId;
    }

    public String os() {
        return os;
    }

    public Integer cap() {
        return cap;
    }

    public Integer scanners() {
        return scanners;
    }

    public String collections() {
        return collections;
    }

    public Boolean scanLater() {
        return scanLater;
    }

    public boolean updateExisting() {
        return updateExisting;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean failOnError() {
        return failOnError;
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    public String credentialsId() {
        return credentialsId;
    }

    /**
     * A copy with every text argument passed through {@code expander}; freestyle jobs use it to resolve
     * {@code ${BUILD_NUMBER}}-style references against the build's environment.
     */
    public StepArguments expand(UnaryOperator<String> expander) {
        return new StepArguments()
                .image(apply(expander, image))
                .registry(apply(expander, registry))
                .repository(apply(expander, repository))
                .tag(apply(expander, tag))
                .registryType(apply(expander, registryType))
                .registryCredentialId(apply(expander, registryCredentialId))
                .os(apply(expander, os))
                .cap(cap)
                .scanners(scanners)
                .collections(apply(expander, collections))
                .scanLater(scanLater)
                .updateExisting(updateExisting)
                .dryRun(dryRun)
                .failOnError(failOnError)
                .consoleUrl(apply(expander, consoleUrl))
                .credentialsId(apply(expander, credentialsId));
    }

    /** What the call is about, for log lines: the image, or registry/repository[:tag]. */
    public String describeTarget() {
        if (image != null) {
            return image;
        }
        String host = registry == null ? "" : registry + "/";
        String repo = repository == null ? "(no repository)" : repository;
        return host + repo + (tag == null ? "" : ":" + tag);
    }

    private static String apply(UnaryOperator<String> expander, String value) {
        return value == null ? null : expander.apply(value);
    }
}
