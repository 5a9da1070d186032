package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The entry a request asks for: the JSON a new entry is sent as, its key (type, registry, repository, tag) already
 * normalised for comparisons, and the managed fields the user set explicitly (what an update may change).
 */
public final class DesiredEntry {

    /** Fields an update may change; everything else of an existing entry stays as it is. */
    public static final String[] MANAGED_FIELDS = {"os", "cap", "scanners", "collections", "credentialID"};

    private final ObjectNode entry;
    private final ObjectNode explicitManagedFields;
    private final String type;
    private final String registry;
    private final String repository;
    private final String tag;
    private final boolean dockerHub;

    /**
     * @param entry                 the new entry exactly as it would be sent (version, registry, repository, tag, ...)
     * @param explicitManagedFields the subset of {@link #MANAGED_FIELDS} the user set; an update changes only these
     */
    public DesiredEntry(ObjectNode entry, ObjectNode explicitManagedFields) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.explicitManagedFields = Objects.requireNonNull(explicitManagedFields, "explicitManagedFields");
        this.type = entry.path("version").asText("").trim().toLowerCase(java.util.Locale.ROOT);
        this.registry = Names.normaliseRegistry(entry.path("registry").asText(""));
        this.dockerHub = registry.isEmpty();
        this.repository = Names.normaliseRepository(entry.path("repository").asText(""), dockerHub);
        this.tag = entry.path("tag").asText("");
    }

    /** The entry as a new one would be sent; do not modify. */
    public ObjectNode entry() {
        return entry;
    }

    public ObjectNode explicitManagedFields() {
        return explicitManagedFields;
    }

    public String type() {
        return type;
    }

    /** Normalised registry; {@code ""} is Docker Hub. */
    public String registry() {
        return registry;
    }

    /** Normalised repository. */
    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    public boolean dockerHub() {
        return dockerHub;
    }
}
