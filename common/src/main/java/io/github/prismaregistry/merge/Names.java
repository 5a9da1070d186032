package io.github.prismaregistry.merge;

import java.util.Locale;

/**
 * How registry, repository and tag values of entries are compared. The comparisons work on the Console's strings in
 * place (no copies), because the planner runs them over up to 19,999 entries.
 */
public final class Names {

    private static final String[] DOCKER_HUB_ALIASES = {"docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com"};
    private static final String LIBRARY = "library/";

    private Names() {
    }

    /** Registry without scheme or trailing '/', lower case; every Docker Hub alias becomes {@code ""}. */
    public static String normaliseRegistry(String registry) {
        if (registry == null) {
            return "";
        }
        int start = contentStart(registry);
        int end = contentEnd(registry, start);
        String r = registry.substring(start, end).toLowerCase(Locale.ROOT);
        for (String alias : DOCKER_HUB_ALIASES) {
            if (r.equals(alias)) {
                return "";
            }
        }
        return r;
    }

    /** Repository trimmed and lower-cased; on Docker Hub a one-component name gets {@code library/}. */
    public static String normaliseRepository(String repository, boolean dockerHub) {
        String r = repository == null ? "" : repository.trim().toLowerCase(Locale.ROOT);
        if (dockerHub && !r.isEmpty() && r.indexOf('/') < 0 && r.indexOf('*') < 0) {
            return LIBRARY + r;
        }
        return r;
    }

    /** Does the Console's {@code raw} registry value name the registry {@code normalised} (from {@link #normaliseRegistry})? */
    public static boolean registryMatches(String raw, String normalised) {
        if (raw == null) {
            return normalised.isEmpty();
        }
        int start = contentStart(raw);
        int end = contentEnd(raw, start);
        int len = end - start;
        if (normalised.isEmpty()) {
            if (len == 0) {
                return true;
            }
            for (String alias : DOCKER_HUB_ALIASES) {
                if (len == alias.length() && raw.regionMatches(true, start, alias, 0, len)) {
                    return true;
                }
            }
            return false;
        }
        return len == normalised.length() && raw.regionMatches(true, start, normalised, 0, len);
    }

    /** Case-insensitive equality of a type after trimming, without copying. */
    public static boolean typeMatches(String raw, String type) {
        if (raw == null) {
            return false;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        return end - start == type.length() && raw.regionMatches(true, start, type, 0, type.length());
    }

    /** Is the raw repository literally the normalised one (Docker Hub's implicit {@code library/} included)? */
    public static boolean repositoryEquals(String raw, String normalised, boolean dockerHub) {
        String r = raw == null ? "" : raw;
        if (r.length() == normalised.length() && r.equalsIgnoreCase(normalised)) {
            return true;
        }
        if (dockerHub && r.indexOf('/') < 0 && !r.isEmpty() && normalised.length() == LIBRARY.length() + r.length()
                && normalised.startsWith(LIBRARY)) {
            return normalised.regionMatches(true, LIBRARY.length(), r, 0, r.length());
        }
        if (r.length() != normalised.length()) {
            // Only here do we pay for trimming: stray spaces around a hand-typed value.
            String t = r.trim();
            return t.length() != r.length() && repositoryEquals(t, normalised, dockerHub);
        }
        return false;
    }

    /** Does the raw repository value of an entry cover {@code normalised}: equal, empty, {@code *} or a matching pattern? */
    public static boolean repositoryCovers(String raw, String normalised, boolean dockerHub) {
        if (raw == null || raw.isEmpty()) {
            return true;
        }
        if (raw.indexOf('*') >= 0) {
            return Glob.matches(raw, normalised, true);
        }
        return repositoryEquals(raw, normalised, dockerHub);
    }

    /** Does the raw tag value of an entry cover the requested tag: empty, equal or a matching pattern? */
    public static boolean tagCovers(String raw, String tag) {
        if (raw == null || raw.isEmpty()) {
            return true;
        }
        if (raw.indexOf('*') >= 0) {
            return Glob.matches(raw, tag, false);
        }
        return raw.equals(tag);
    }

    /** Exact tag equality; a missing tag field means {@code ""}. */
    public static boolean tagEquals(String raw, String tag) {
        return (raw == null ? "" : raw).equals(tag);
    }

    private static int contentStart(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        if (s.regionMatches(true, i, "https://", 0, 8)) {
            return i + 8;
        }
        if (s.regionMatches(true, i, "http://", 0, 7)) {
            return i + 7;
        }
        return i;
    }

    private static int contentEnd(String s, int start) {
        int end = s.length();
        while (end > start && (s.charAt(end - 1) <= ' ' || s.charAt(end - 1) == '/')) {
            end--;
        }
        return end;
    }
}
