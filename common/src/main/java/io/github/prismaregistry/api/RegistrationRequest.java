package io.github.prismaregistry.api;

import io.github.prismaregistry.parameters.ParameterNaming;

import java.util.List;
import java.util.Objects;

/**
 * The one registry-scan entry to add or remove. Either {@code image} (a full image reference such as
 * {@code registry.example.com/team/app:1.2}) or {@code registry} + {@code repository} (+ optional {@code tag}) names it.
 * Unset fields take Prisma's usual values: os {@code linux}, cap 5, scanners 2, collections {@code [All]}, tag {@code ""}
 * (one entry per repository), registry type inferred from the host. Validation happens in the engine and is reported
 * as {@link InvalidRequestException}.
 */
public final class RegistrationRequest {

    public static final String DEFAULT_OS = "linux";
    public static final int DEFAULT_CAP = 5;
    public static final int DEFAULT_SCANNERS = 2;
    public static final List<String> DEFAULT_COLLECTIONS = List.of("All");

    private final String image;
    private final String registry;
    private final String repository;
    private final String tag;
    private final String registryType;
    private final String registryCredentialId;
    private final String os;
    private final Integer cap;
    private final Integer scanners;
    private final List<String> collections;
    private final boolean scanLater;
    private final boolean updateExisting;
    private final boolean dryRun;
    private final ParameterNaming naming;

    private RegistrationRequest(Builder b) {
        this.image = b.image;
        this.registry = b.registry;
        this.repository = b.repository;
        this.tag = b.tag;
        this.registryType = b.registryType;
        this.registryCredentialId = b.registryCredentialId;
        this.os = b.os;
        this.cap = b.cap;
        this.scanners = b.scanners;
        this.collections = b.collections == null ? null : List.copyOf(b.collections);
        this.scanLater = b.scanLater;
        this.updateExisting = b.updateExisting;
        this.dryRun = b.dryRun;
        this.naming = b.naming;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Full image reference, or {@code null} when registry/repository are given instead. */
    public String image() {
        return image;
    }

    /** Explicit registry host (overrides the one in {@code image}), or {@code null}. */
    public String registry() {
        return registry;
    }

    /** Explicit repository (overrides the one in {@code image}), or {@code null}. */
    public String repository() {
        return repository;
    }

    /** Tag or tag pattern to pin, or {@code null} for one entry per repository (tag {@code ""}). */
    public String tag() {
        return tag;
    }

    /** Prisma registry type ({@code version} field: aws, azure, gcr, 2, ...), or {@code null} to infer it. */
    public String registryType() {
        return registryType;
    }

    /** ID of the registry credential in the Console's credentials store, or {@code null}. */
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

    public List<String> collections() {
        return collections;
    }

    /** Save without starting a scan ({@code scanLater=true} on the write). */
    public boolean scanLater() {
        return scanLater;
    }

    /** Replace an existing entry for the same repository whose fields differ, instead of leaving it alone. */
    public boolean updateExisting() {
        return updateExisting;
    }

    /** Plan only: read the list, report what would happen, write nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /** How the caller spells parameters; messages about this request use it. */
    public ParameterNaming naming() {
        return naming;
    }

    @Override
    public String toString() {
        return "RegistrationRequest[image=" + image + ", registry=" + registry + ", repository=" + repository
                + ", tag=" + tag + ", registryType=" + registryType + ", registryCredentialId=" + registryCredentialId
                + ", os=" + os + ", cap=" + cap + ", scanners=" + scanners + ", collections=" + collections
                + ", scanLater=" + scanLater + ", updateExisting=" + updateExisting + ", dryRun=" + dryRun + "]";
    }

    public static final class Builder {
        private String image;
        private String registry;
        private String repository;
        private String tag;
        private String registryType;
        private String registryCredentialId;
        private String os;
        private Integer cap;
        private Integer scanners;
        private List<String> collections;
        private boolean scanLater;
        private boolean updateExisting;
        private boolean dryRun;
        private ParameterNaming naming = ParameterNaming.PLAIN;

        private Builder() {
        }

        public Builder image(String image) {
            this.image = blankToNull(image);
            return this;
        }

        public Builder registry(String registry) {
            this.registry = blankToNull(registry);
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

        public Builder registryType(String registryType) {
            this.registryType = blankToNull(registryType);
            return this;
        }

        public Builder registryCredentialId(String registryCredentialId) {
            this.registryCredentialId = blankToNull(registryCredentialId);
            return this;
        }

        public Builder os(String os) {
            this.os = blankToNull(os);
            return this;
        }

        public Builder cap(Integer cap) {
            this.cap = cap;
            return this;
        }

        public Builder scanners(Integer scanners) {
            this.scanners = scanners;
            return this;
        }

        public Builder collections(List<String> collections) {
            this.collections = collections;
            return this;
        }

        public Builder scanLater(boolean scanLater) {
            this.scanLater = scanLater;
            return this;
        }

        public Builder updateExisting(boolean updateExisting) {
            this.updateExisting = updateExisting;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder naming(ParameterNaming naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        public RegistrationRequest build() {
            return new RegistrationRequest(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
