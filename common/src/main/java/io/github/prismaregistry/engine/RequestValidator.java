package io.github.prismaregistry.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.image.ImageReference;
import io.github.prismaregistry.image.RegistryType;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.merge.Names;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.settings.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a request into the entry to add or remove, or says exactly which parameter is wrong. */
public final class RequestValidator {

    /** The values Prisma accepts for {@code os}, in its spelling. */
    public static final List<String> OPERATING_SYSTEMS = Parameters.OS.choices();

    // Repository names, optionally with '*' patterns (e.g. team/*): lowercase path components separated by '/'.
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9*]+(?:(?:[._]|__|-+)[a-z0-9*]+)*(?:/[a-z0-9*]+(?:(?:[._]|__|-+)[a-z0-9*]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w*][\\w.*-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile("(?i)(https?://)?[a-z0-9\\[\\]:.-]+(/[\\w./-]*)?");

    private RequestValidator() {
    }

    public static DesiredEntry desiredEntry(RegistrationRequest r) throws InvalidRequestException {
        if (r == null) {
            throw new InvalidRequestException("image", "no request was given");
        }
        ParameterNaming naming = r.naming();
        ImageReference image = r.image() == null ? null : ImageReference.parse(r.image(), naming);
        if (image == null && r.repository() == null) {
            throw Parameters.IMAGE.invalid(naming, "is not set: set " + naming.spell(Parameters.IMAGE)
                    + " (e.g. registry.example.com/team/app:1.2) or " + naming.spell(Parameters.REGISTRY) + " and "
                    + naming.spell(Parameters.REPOSITORY) + " (e.g. registry.example.com and team/app)");
        }

        String registry;
        if (r.registry() != null) {
            registry = registry(r.registry(), naming);
        } else {
            registry = image == null ? "" : image.registry();
        }
        boolean dockerHub = Names.normaliseRegistry(registry).isEmpty();

        String repository;
        if (r.repository() != null) {
            repository = repository(r.repository(), dockerHub, naming);
        } else {
            repository = image.repository();
        }

        // One entry per repository unless a tag is pinned explicitly; the image's own tag only names the build.
        String tag = r.tag() == null ? "" : tag(r.tag(), naming);

        String type = r.registryType() == null ? RegistryType.infer(registry) : RegistryType.validate(r.registryType(), naming);
        String os = r.os() == null ? RegistrationRequest.DEFAULT_OS : os(r.os(), naming);
        if (r.cap() != null && r.cap() < 0) {
            throw Parameters.CAP.invalid(naming, "must be 0 (scan all images of the repository) or more, was " + r.cap());
        }
        if (r.scanners() != null && r.scanners() < 1) {
            throw Parameters.SCANNERS.invalid(naming, "must be 1 or more (the number of Defenders that scan in parallel), was " + r.scanners());
        }
        List<String> collections = r.collections() == null ? null : collections(r.collections(), naming);
        String credentialId = r.registryCredentialId();

        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("version", type);
        entry.put("registry", registry);
        entry.put("repository", repository);
        entry.put("tag", tag);
        entry.put("os", os);
        entry.put("cap", r.cap() == null ? RegistrationRequest.DEFAULT_CAP : r.cap());
        entry.put("scanners", r.scanners() == null ? RegistrationRequest.DEFAULT_SCANNERS : r.scanners());
        entry.set("collections", array(collections == null ? RegistrationRequest.DEFAULT_COLLECTIONS : collections));
        if (credentialId != null) {
            entry.put("credentialID", credentialId);
        }

        ObjectNode explicit = Json.MAPPER.createObjectNode();
        if (r.os() != null) {
            explicit.put("os", os);
        }
        if (r.cap() != null) {
            explicit.put("cap", r.cap());
        }
        if (r.scanners() != null) {
            explicit.put("scanners", r.scanners());
        }
        if (collections != null) {
            explicit.set("collections", array(collections));
        }
        if (credentialId != null) {
            explicit.put("credentialID", credentialId);
        }
        return new DesiredEntry(entry, explicit);
    }

    private static String registry(String value, ParameterNaming naming) throws InvalidRequestException {
        String v = value.trim().replaceAll("/+$", "");
        if (v.contains("@")) {
            throw Parameters.REGISTRY.invalid(naming, "must not contain a user name or password; "
                    + "give the registry credential's ID as " + naming.spell(Parameters.REGISTRY_CREDENTIAL_ID) + " instead");
        }
        if (!REGISTRY.matcher(v).matches()) {
            throw Parameters.REGISTRY.invalid(naming, "'" + v + "' is not a registry address; expected a host "
                    + "with an optional port, e.g. registry.example.com:5000 (empty or docker.io for Docker Hub)");
        }
        // Prisma spells Docker Hub as an empty registry.
        return Names.normaliseRegistry(v).isEmpty() ? "" : v;
    }

    private static String repository(String value, boolean dockerHub, ParameterNaming naming) throws InvalidRequestException {
        String v = value.trim();
        if (!v.equals(v.toLowerCase(Locale.ROOT))) {
            throw Parameters.REPOSITORY.invalid(naming, "'" + v + "' must be lowercase (as in image names)");
        }
        if (!REPOSITORY.matcher(v).matches()) {
            throw Parameters.REPOSITORY.invalid(naming, "'" + v + "' is not a repository name; expected "
                    + "lowercase path components such as team/app (a '*' pattern such as team/* is allowed)");
        }
        return dockerHub && v.indexOf('/') < 0 && v.indexOf('*') < 0 ? "library/" + v : v;
    }

    private static String tag(String value, ParameterNaming naming) throws InvalidRequestException {
        String v = value.trim();
        if (!TAG.matcher(v).matches()) {
            throw Parameters.TAG.invalid(naming, "'" + v + "' is not a tag or tag pattern; use letters, digits, "
                    + "'_', '.', '-' and '*' (at most 128 characters), or leave it empty for one entry per repository");
        }
        return v;
    }

    private static String os(String value, ParameterNaming naming) throws InvalidRequestException {
        for (String os : OPERATING_SYSTEMS) {
            if (os.equalsIgnoreCase(value.trim())) {
                return os;
            }
        }
        throw Parameters.OS.invalid(naming, "'" + value + "' is not supported; use one of " + String.join(", ", OPERATING_SYSTEMS));
    }

    private static List<String> collections(List<String> values, ParameterNaming naming) throws InvalidRequestException {
        List<String> out = new ArrayList<>();
        for (String c : values) {
            if (c != null && !c.isBlank() && !out.contains(c.trim())) {
                out.add(c.trim());
            }
        }
        if (out.isEmpty()) {
            throw Parameters.COLLECTIONS.invalid(naming, "must name at least one collection (e.g. All), "
                    + "or be left unset for [All]");
        }
        return out;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
