package io.github.prismaregistry.scan;

import io.github.prismaregistry.parameters.ParameterNaming;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The image to scan and how to gate on it. The image is named as for registration: {@code image} (e.g.
 * {@code registry.example.com/team/app:1.4.2} or {@code ...@sha256:...}) and/or {@code registry} + {@code repository};
 * {@code tag} and {@code digest} override the reference's. A tag or a digest is required; with both, the result must
 * be of that digest.
 */
public final class ScanRequest {

    public static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofSeconds(900);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    private final String image;
    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;
    private final String registryType;
    private final GatePolicy policy;
    private final Duration scanTimeout;
    private final Duration pollInterval;
    private final Path outputDirectory;
    private final ParameterNaming naming;

    private ScanRequest(Builder b) {
        this.image = b.image;
        this.registry = b.registry;
        this.repository = b.repository;
        this.tag = b.tag;
        this.digest = b.digest;
        this.registryType = b.registryType;
        this.policy = b.policy;
        this.scanTimeout = b.scanTimeout;
        this.pollInterval = b.pollInterval;
        this.outputDirectory = b.outputDirectory;
        this.naming = b.naming;
    }

    public static Builder builder() {
        return new Builder();
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

    public String digest() {
        return digest;
    }

    public String registryType() {
        return registryType;
    }

    public GatePolicy policy() {
        return policy;
    }

    public Duration scanTimeout() {
        return scanTimeout;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** Where the four report files go, or null for none. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** How the caller spells parameters; messages about this request use it. */
    public ParameterNaming naming() {
        return naming;
    }

    public static final class Builder {
        private String image;
        private String registry;
        private String repository;
        private String tag;
        private String digest;
        private String registryType;
        private GatePolicy policy = GatePolicy.DEFAULT;
        private Duration scanTimeout = DEFAULT_SCAN_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Path outputDirectory;
        private ParameterNaming naming = ParameterNaming.PLAIN;

        private Builder() {
        }

        public Builder image(String image) {
            this.image = blankToNull(image);
            return this;
        }

        public Builder registry(String registry) {
            this.registry = registry == null ? null : registry.trim();
            return this;
        }

        public Builder repository(String repository) {
            this.repository = blankToNull(repository);
            return this;
        }

        public Builder tag(String tag) {
            this.tag = blankToNull(tag);
            return this;
        }

        /** {@code sha256:<64 hex digits>}, e.g. the pushed digest from {@code jib-image.json}. */
        public Builder digest(String digest) {
            this.digest = blankToNull(digest);
            return this;
        }

        /** As for registration: null infers it from the registry host. */
        public Builder registryType(String registryType) {
            this.registryType = blankToNull(registryType);
            return this;
        }

        public Builder policy(GatePolicy policy) {
            this.policy = policy == null ? GatePolicy.DEFAULT : policy;
            return this;
        }

        /** How long to wait for the result (default 900 s). */
        public Builder scanTimeout(Duration scanTimeout) {
            this.scanTimeout = scanTimeout == null ? DEFAULT_SCAN_TIMEOUT : scanTimeout;
            return this;
        }

        /**
         * Pause between two looks at the Console (default 10 s). Users' parameter has a minimum of 1 s; the engine
         * takes any positive value.
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        public Builder naming(ParameterNaming naming) {
            this.naming = naming == null ? ParameterNaming.PLAIN : naming;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
