package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterSource;
import io.github.prismaregistry.parameters.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The arguments of one step or build step call, as the raw text the catalogue reads. Blank means unset; an unset
 * {@code scanLater} or {@code consoleUrl} falls back to the global configuration.
 */
public final class StepArguments implements ParameterSource {

    private final Map<String, String> raw = new LinkedHashMap<>();

    /** Sets a catalogue parameter from a field's value ({@code null} or blank: unset). */
    public StepArguments set(Parameter<?> parameter, Object value) {
        String text = value == null ? null : Strings.blankToNull(value.toString());
        if (text == null) {
            raw.remove(parameter.name());
        } else {
            raw.put(parameter.name(), text);
        }
        return this;
    }

    @Override
    public String raw(Parameter<?> parameter) {
        return raw.get(parameter.name());
    }

    public StepArguments image(String value) {
        return set(Parameters.IMAGE, value);
    }

    /** Several images in one call: a list, or comma-separated text (the freestyle form). */
    public StepArguments images(Object value) {
        return set(Parameters.IMAGES, value instanceof java.util.Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : value);
    }

    /** The images of a call with several ({@code images} set): {@code image} first when both are set, each once. */
    public java.util.List<String> images() {
        String several = raw(Parameters.IMAGES);
        if (several == null) {
            return java.util.List.of();
        }
        java.util.List<String> all = new java.util.ArrayList<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(image()),
                java.util.Arrays.stream(several.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
                .filter(i -> !all.contains(i)).forEach(all::add);
        return all;
    }

    /** These arguments for one image of several: {@code image} is that image, {@code images} is unset. */
    public StepArguments forImage(String one) {
        StepArguments copy = expand(UnaryOperator.identity());
        copy.raw.remove(Parameters.IMAGES.name());
        return copy.image(one);
    }

    public StepArguments registry(String value) {
        return set(Parameters.REGISTRY, value);
    }

    public StepArguments repository(String value) {
        return set(Parameters.REPOSITORY, value);
    }

    public StepArguments tag(String value) {
        return set(Parameters.TAG, value);
    }

    public StepArguments registryType(String value) {
        return set(Parameters.REGISTRY_TYPE, value);
    }

    public StepArguments registryCredentialId(String value) {
        return set(Parameters.REGISTRY_CREDENTIAL_ID, value);
    }

    public StepArguments os(String value) {
        return set(Parameters.OS, value);
    }

    public StepArguments cap(Object value) {
        return set(Parameters.CAP, value);
    }

    public StepArguments scanners(Object value) {
        return set(Parameters.SCANNERS, value);
    }

    /** Comma-separated collection names, e.g. {@code "All"} or {@code "prod, payments"}. */
    public StepArguments collections(String value) {
        return set(Parameters.COLLECTIONS, value);
    }

    public StepArguments scanLater(Object value) {
        return set(Parameters.SCAN_LATER, value);
    }

    public StepArguments updateExisting(Object value) {
        return set(Parameters.UPDATE_EXISTING, value);
    }

    public StepArguments dryRun(Object value) {
        return set(Parameters.DRY_RUN, value);
    }

    public StepArguments failOnError(Object value) {
        return set(Parameters.FAIL_ON_ERROR, value);
    }

    /** The scan gate's values; {@code null} leaves one to the catalogue's default. */
    public StepArguments scanGate(String failOnSeverity, Object ignoreUnfixed, String ignoredVulnerabilities,
            Object failOnConsoleBlock, Object scanTimeout, Object pollInterval) {
        return set(Parameters.FAIL_ON_SEVERITY, failOnSeverity)
                .set(Parameters.IGNORE_UNFIXED, ignoreUnfixed)
                .set(Parameters.IGNORED_VULNERABILITIES, ignoredVulnerabilities)
                .set(Parameters.FAIL_ON_CONSOLE_BLOCK, failOnConsoleBlock)
                .set(Parameters.SCAN_TIMEOUT, scanTimeout)
                .set(Parameters.POLL_INTERVAL, pollInterval);
    }

    public StepArguments consoleUrl(String value) {
        return set(Parameters.CONSOLE_URL, value);
    }

    public StepArguments credentialsId(String value) {
        return set(Parameters.CREDENTIALS_ID, value);
    }

    public String image() {
        return raw(Parameters.IMAGE);
    }

    public String consoleUrl() {
        return raw(Parameters.CONSOLE_URL);
    }

    public String credentialsId() {
        return raw(Parameters.CREDENTIALS_ID);
    }

    /**
     * Whether a failure should fail the build. A value that is neither true nor false counts as true here; the
     * catalogue then reports it as the call's error.
     */
    public boolean failOnError() {
        try {
            return Parameters.FAIL_ON_ERROR.parse(raw(Parameters.FAIL_ON_ERROR), ParameterNaming.JENKINS);
        } catch (io.github.prismaregistry.api.InvalidRequestException e) {
            return true;
        }
    }

    /**
     * A copy with every argument passed through {@code expander}; freestyle jobs use it to resolve
     * {@code ${BUILD_NUMBER}}-style references against the build's environment.
     */
    public StepArguments expand(UnaryOperator<String> expander) {
        StepArguments copy = new StepArguments();
        raw.forEach((name, value) -> copy.raw.put(name, expander.apply(value)));
        return copy;
    }

    /** What the call is about, for log lines: the image, or registry/repository[:tag]. */
    public String describeTarget() {
        String image = raw(Parameters.IMAGE);
        if (image != null) {
            return image;
        }
        String registry = raw(Parameters.REGISTRY);
        String repository = raw(Parameters.REPOSITORY);
        String tag = raw(Parameters.TAG);
        String host = registry == null ? "" : registry + "/";
        String repo = repository == null ? "(no repository)" : repository;
        return host + repo + (tag == null ? "" : ":" + tag);
    }
}
