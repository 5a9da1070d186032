package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.engine.RequestValidator;
import io.github.prismaregistry.image.ImageReference;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Names;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.Parameters;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one image a scan is about, named as the Console names it, plus the settings entry registering it would add
 * (for the coverage check).
 *
 * @param registry   the registry host, lower case, without scheme or trailing slash; "" for Docker Hub
 * @param repository the repository ({@code library/} added for Docker Hub's one-part names)
 * @param tag        the tag, or "" for a scan by digest alone
 * @param digest     the digest, or ""
 * @param desired    the entry register would add for this image, with the tag pinned, for the planner's coverage rules
 */
record ScanTarget(String registry, String repository, String tag, String digest, DesiredEntry desired) {

    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    static ScanTarget resolve(ScanRequest request) throws InvalidRequestException {
        ParameterNaming naming = request.naming();
        ImageReference reference = request.image() == null ? null : ImageReference.parse(request.image(), naming);
        String tag = request.tag() != null ? request.tag() : reference == null || reference.tag() == null ? "" : reference.tag();
        String digest = request.digest() != null ? request.digest()
                : reference == null || reference.digest() == null ? "" : reference.digest();
        if (!digest.isEmpty() && !DIGEST.matcher(digest).matches()) {
            throw Parameters.IMAGE.invalid(naming, "has the digest '" + digest + "', which is not of the form algorithm:hex,"
                    + " e.g. sha256:<64 hex digits>");
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            throw Parameters.IMAGE.invalid(naming, "needs a tag or a digest to scan (e.g. registry.example.com/team/app:1.4.2"
                    + " or ...@sha256:...); the Console scans one image, not a repository");
        }
        if (tag.indexOf('*') >= 0) {
            throw Parameters.IMAGE.invalid(naming, "has the tag pattern '" + tag + "'; a scan needs the one tag to scan");
        }
        // The coverage check pins the tag: an entry for another tag of the repository does not scan this one.
        DesiredEntry desired = RequestValidator.desiredEntry(RegistrationRequest.builder()
                .image(request.image())
                .registry(request.registry())
                .repository(request.repository())
                .registryType(request.registryType())
                .tag(tag.isEmpty() ? null : tag)
                .naming(naming)
                .build());
        if (desired.repository().indexOf('*') >= 0) {
            throw Parameters.IMAGE.invalid(naming, "names the repository pattern '" + desired.repository() + "'; a scan needs"
                    + " the one repository to scan");
        }
        return new ScanTarget(Names.normaliseRegistry(desired.registry()), desired.repository(), tag, digest, desired);
    }

    /** {@code registry/repository:tag}, or {@code registry/repository@digest} for a scan by digest alone. */
    String displayName() {
        String base = (registry.isEmpty() ? "" : registry + "/") + repository;
        return tag.isEmpty() ? base + "@" + digest : base + ":" + tag;
    }

    /** What {@code GET registry?name=} is asked for: the image's full name (by digest alone: the repository). */
    String nameFilter() {
        return (registry.isEmpty() ? "" : registry + "/") + repository + (tag.isEmpty() ? "" : ":" + tag);
    }

    /**
     * Is this stored result about our image? Same registry and repository, our tag (when we have one) and our digest
     * (when we have one and the result names digests at all).
     */
    Match match(JsonNode result) {
        // repoTag names the image; a result without it is matched by its first tag.
        JsonNode repoTag = result.path("repoTag").isObject() ? result.path("repoTag") : result.path("tags").path(0);
        if (!Names.registryMatches(repoTag.path("registry").asText(""), registry)
                || !repository.equals(repoTag.path("repo").asText(""))) {
            return Match.OTHER_IMAGE;
        }
        if (!tag.isEmpty() && !hasTag(result)) {
            return Match.OTHER_IMAGE;
        }
        if (!digest.isEmpty()) {
            boolean namesDigests = !repoTag.path("digest").asText("").isEmpty() || result.path("repoDigests").size() > 0;
            if (namesDigests && !hasDigest(result)) {
                return tag.isEmpty() ? Match.OTHER_IMAGE : Match.TAG_MOVED;
            }
        }
        return Match.OURS;
    }

    enum Match { OURS, OTHER_IMAGE, TAG_MOVED }

    private boolean hasTag(JsonNode result) {
        if (tag.equals(result.path("repoTag").path("tag").asText(""))) {
            return true;
        }
        for (JsonNode t : result.path("tags")) {
            if (tag.equals(t.path("tag").asText("")) && repository.equals(t.path("repo").asText(repository))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasDigest(JsonNode result) {
        String wanted = digest.toLowerCase(Locale.ROOT);
        if (wanted.equals(result.path("repoTag").path("digest").asText("").toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (JsonNode d : result.path("repoDigests")) {
            if (d.asText("").toLowerCase(Locale.ROOT).endsWith("@" + wanted)) {
                return true;
            }
        }
        return false;
    }
}
