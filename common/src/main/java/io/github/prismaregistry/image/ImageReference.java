package io.github.prismaregistry.image;

import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.api.InvalidRequestException;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image reference parsed by the distribution reference grammar ({@code [host[:port]/]path[:tag][@digest]}).
 * Docker Hub images get registry {@code ""} (Prisma's spelling of Docker Hub) and {@code library/} for one-component
 * names, so {@code ubuntu}, {@code docker.io/ubuntu} and {@code index.docker.io/library/ubuntu} are the same repository.
 */
public final class ImageReference {

    /** Docker Hub host names that all mean registry {@code ""}. */
    public static final String DOCKER_HUB_HOST = "docker.io";

    private static final int MAX_NAME_LENGTH = 255;

    // One path component: lowercase alphanumerics joined by '.', '_', '__' or runs of '-'.
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]+)");
    /** The shortest encoded part the grammar allows for an algorithm it does not know. */
    private static final int MIN_DIGEST_HEX = 32;

    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    private ImageReference(String registry, String repository, String tag, String digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses {@code reference}.
     *
     * @throws InvalidRequestException (parameter {@code image}) when it does not follow the grammar, e.g. upper case
     *                                 in the repository or a scheme such as {@code https://}
     */
    public static ImageReference parse(String reference) throws InvalidRequestException {
        return parse(reference, ParameterNaming.PLAIN);
    }

    /** Parses {@code reference}; a mistake is reported naming {@code image} as {@code naming} spells it. */
    public static ImageReference parse(String reference, ParameterNaming naming) throws InvalidRequestException {
        try {
            return parseChecked(reference);
        } catch (Malformed e) {
            throw Parameters.IMAGE.invalid(naming, "'" + (reference == null ? "" : reference.trim())
                    + "' is not a valid image reference: " + e.getMessage()
                    + ". Expected [registry-host[:port]/]repository[:tag][@digest], e.g. registry.example.com/team/app:1.2");
        }
    }

    private static ImageReference parseChecked(String reference) throws InvalidRequestException {
        if (reference == null || reference.isBlank()) {
            throw invalid(reference, "it is empty");
        }
        String ref = reference.trim();
        if (ref.contains("://")) {
            throw invalid(ref, "an image reference has no scheme; drop the '" + ref.substring(0, ref.indexOf("://") + 3) + "'");
        }
        if (ref.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(ref, "it contains white space");
        }

        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
            checkDigest(reference, digest);
        }
        if (ref.indexOf('/') < 0 && looksLikeBareHost(ref)) {
            throw invalid(reference, "'" + ref + "' is a registry host with no repository; add the repository after it, e.g. "
                    + ref + "/team/app");
        }

        String host = null;
        String remainder = ref;
        int slash = ref.indexOf('/');
        if (slash >= 0) {
            String first = ref.substring(0, slash);
            if (looksLikeHost(first)) {
                host = first;
                remainder = ref.substring(slash + 1);
            }
        }

        // A ':' after the last '/' separates the tag; one before it would belong to the host, handled above.
        String tag = null;
        int colon = remainder.lastIndexOf(':');
        if (colon >= 0 && colon > remainder.lastIndexOf('/')) {
            tag = remainder.substring(colon + 1);
            remainder = remainder.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(reference, "the tag '" + tag + "' is not valid (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')");
            }
        }

        if (host != null) {
            validateHost(reference, host);
        }
        validatePath(reference, remainder);

        String registry;
        String repository = remainder;
        if (host == null || isDockerHub(host)) {
            registry = "";
            if (!repository.contains("/")) {
                repository = "library/" + repository;
            }
        } else {
            registry = host.toLowerCase(Locale.ROOT);
        }
        if ((host == null ? 0 : host.length() + 1) + remainder.length() > MAX_NAME_LENGTH) {
            throw invalid(reference, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /** True for the host names of Docker Hub ({@code docker.io}, {@code index.docker.io}, {@code registry-1.docker.io}). */
    public static boolean isDockerHub(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("docker.io") || h.equals("index.docker.io") || h.equals("registry-1.docker.io")
                || h.equals("registry.hub.docker.com");
    }

    /** {@code registry.acme.io}, {@code registry.acme.io:5000}, {@code localhost:5000}: a host where a repository belongs. */
    private static boolean looksLikeBareHost(String ref) {
        if (ref.startsWith("[")) {
            return true;
        }
        int colon = ref.indexOf(':');
        String name = colon < 0 ? ref : ref.substring(0, colon);
        // A dot or localhost marks a host; a plain name with a number after the colon (node:18) is a tag.
        return name.indexOf('.') >= 0 || name.equalsIgnoreCase("localhost");
    }

    private static void checkDigest(String reference, String digest) throws InvalidRequestException {
        java.util.regex.Matcher m = DIGEST.matcher(digest);
        if (!m.matches()) {
            throw invalid(reference, "the digest '" + digest + "' is not of the form algorithm:hex (e.g. sha256:<64 hex digits>)");
        }
        String algorithm = m.group(1).toLowerCase(Locale.ROOT);
        int length = m.group(2).length();
        int expected = algorithm.equals("sha256") ? 64 : algorithm.equals("sha512") ? 128 : -1;
        if (expected > 0 && length != expected || expected < 0 && length < MIN_DIGEST_HEX) {
            String wanted = expected > 0 ? expected + " hex digits" : "at least " + MIN_DIGEST_HEX + " hex digits";
            throw invalid(reference, "the digest '" + digest + "' is too " + (expected > 0 && length > expected ? "long" : "short")
                    + ": it has " + length + " hex digits after '" + m.group(1) + ":', and " + algorithm + " needs " + wanted
                    + " (copy the whole digest, e.g. from docker inspect or the registry)");
        }
    }

    private static boolean looksLikeHost(String first) {
        // Unlike the reference implementation, an upper-case first component is not taken for a host: it is far more
        // likely a mistyped repository, and the lowercase error says so.
        return first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost");
    }

    private static void validateHost(String reference, String host) throws InvalidRequestException {
        String name = host;
        String port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !IPV6.matcher(host.substring(0, close + 1)).matches()) {
                throw invalid(reference, "the registry host '" + host + "' is not a valid IPv6 address");
            }
            name = host.substring(0, close + 1);
            if (close + 1 < host.length()) {
                if (host.charAt(close + 1) != ':') {
                    throw invalid(reference, "the registry host '" + host + "' is not valid");
                }
                port = host.substring(close + 2);
            }
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                name = host.substring(0, colon);
                port = host.substring(colon + 1);
            }
            for (String component : name.split("\\.", -1)) {
                if (!DOMAIN_COMPONENT.matcher(component).matches()) {
                    throw invalid(reference, "the registry host '" + host + "' is not a valid host name");
                }
            }
        }
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535)) {
            throw invalid(reference, "the registry port '" + port + "' is not a number between 0 and 65535");
        }
    }

    private static void validatePath(String reference, String path) throws InvalidRequestException {
        if (path.isEmpty()) {
            throw invalid(reference, "the repository name is missing");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                if (!component.equals(component.toLowerCase(Locale.ROOT))) {
                    throw invalid(reference, "repository names must be lowercase ('" + component + "')");
                }
                throw invalid(reference, "the repository component '" + component
                        + "' is not valid (lowercase letters, digits and single '.', '_', '__' or '-' separators)");
            }
        }
    }

    private static Malformed invalid(String reference, String why) {
        return new Malformed(why);
    }

    /** Why a reference breaks the grammar; {@link #parse(String, ParameterNaming)} turns it into the user's message. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** Registry host (lower case, port kept), or {@code ""} for Docker Hub. */
    public String registry() {
        return registry;
    }

    /** Host to show to people: {@code docker.io} for Docker Hub. */
    public String displayHost() {
        return registry.isEmpty() ? DOCKER_HUB_HOST : registry;
    }

    public boolean isDockerHub() {
        return registry.isEmpty();
    }

    /** Repository path, with {@code library/} for official Docker Hub images. */
    public String repository() {
        return repository;
    }

    /** The tag, or {@code null} when the reference has none. */
    public String tag() {
        return tag;
    }

    /** The digest ({@code sha256:...}), or {@code null}. */
    public String digest() {
        return digest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference r && registry.equals(r.registry) && repository.equals(r.repository)
                && Objects.equals(tag, r.tag) && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    @Override
    public String toString() {
        return displayHost() + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
