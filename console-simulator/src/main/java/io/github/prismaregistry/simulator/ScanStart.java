package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One scan a request started on the simulated console, as listed by {@link ConsoleSimulator#scanStarts()}.
 *
 * @param sequence           the starting request's arrival order (the same numbering as the request log)
 * @param time               when the request arrived
 * @param scope              what the scan covers
 * @param user               who sent the request
 * @param project            the project it was sent for
 * @param registry           for {@link Scope#SPECIFICATION} and {@link Scope#IMAGE}: the registry; else null
 * @param repository         for {@link Scope#SPECIFICATION} and {@link Scope#IMAGE}: the repository; else null
 * @param tag                for {@link Scope#SPECIFICATION} and {@link Scope#IMAGE}: the tag ("" when none); else null
 * @param digest             for {@link Scope#IMAGE}: the digest asked for ("" when none); else null
 * @param onDemand           for {@link Scope#IMAGE}: whether {@code onDemandScan} was true
 * @param specificationCount how many registry specifications the scan covers (0 for an image scan)
 */
public record ScanStart(long sequence, Instant time, Scope scope, String user, String project, String registry,
                        String repository, String tag, String digest, boolean onDemand, int specificationCount) {

    /** What a started scan covers. */
    public enum Scope {
        /** A settings write (POST or PUT settings/registry) without {@code scanLater=true}: every registry in the list. */
        SETTINGS_WRITE,
        /** {@code POST registry/scan} without a body: every registry in the list. */
        ALL_REGISTRIES,
        /** {@code POST registry/scan} with {@code settings}: the registry of that one specification. */
        SPECIFICATION,
        /** {@code POST registry/scan} with {@code tag}: that one image. */
        IMAGE
    }

    ObjectNode toJson() {
        ObjectNode node = ConsoleSimulator.MAPPER.createObjectNode();
        node.put("sequence", sequence);
        node.put("time", time.toString());
        node.put("scope", scope.name());
        node.put("user", user);
        node.put("project", project);
        node.put("registry", registry);
        node.put("repository", repository);
        node.put("tag", tag);
        node.put("digest", digest);
        node.put("onDemand", onDemand);
        node.put("specificationCount", specificationCount);
        return node;
    }
}
