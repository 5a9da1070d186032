package io.github.prismaregistry.image;

import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.api.InvalidRequestException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Prisma's registry types (the {@code version} field of an entry) and their inference from a registry host. */
public final class RegistryType {

    public static final String AWS = "aws";
    public static final String AZURE = "azure";
    public static final String GCR = "gcr";
    public static final String DOCKER_V2 = "2";
    public static final String GITLAB = "gitlab";
    public static final String HARBOR = "harbor";
    public static final String JFROG = "jfrog";
    public static final String SONATYPE = "sonatype";
    public static final String COREOS = "coreos";
    public static final String REDHAT = "redhat";
    public static final String BLUEMIX = "bluemix";
    public static final String DTR = "dtr";

    /** Every type the Console accepts, in the order Prisma's documentation lists them. */
    public static final List<String> VALID = List.of(AWS, AZURE, GCR, DOCKER_V2, GITLAB, HARBOR, JFROG, SONATYPE, COREOS,
            REDHAT, BLUEMIX, DTR);

    // <12-digit account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]
    private static final Pattern ECR = Pattern.compile("[0-9]{12}\\.dkr\\.ecr(?:-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?");

    private RegistryType() {
    }

    /**
     * The registry type Prisma expects for {@code host} ({@code https://}, a port or a path are ignored):
     * ECR → aws, *.azurecr.io → azure, gcr.io / *.gcr.io / *-docker.pkg.dev → gcr, registry.gitlab.com → gitlab,
     * quay.io → coreos, *.jfrog.io → jfrog, icr.io / *.icr.io → bluemix, Docker Hub and anything else → 2.
     */
    public static String infer(String host) {
        String h = bareHost(host);
        if (h.isEmpty() || ImageReference.isDockerHub(h)) {
            return DOCKER_V2;
        }
        if (ECR.matcher(h).matches()) {
            return AWS;
        }
        if (h.endsWith(".azurecr.io") || h.endsWith(".azurecr.cn") || h.endsWith(".azurecr.us")) {
            return AZURE;
        }
        if (h.equals("gcr.io") || h.endsWith(".gcr.io") || h.endsWith("-docker.pkg.dev")) {
            return GCR;
        }
        if (h.equals("registry.gitlab.com")) {
            return GITLAB;
        }
        if (h.equals("quay.io")) {
            return COREOS;
        }
        if (h.endsWith(".jfrog.io")) {
            return JFROG;
        }
        if (h.equals("icr.io") || h.endsWith(".icr.io")) {
            return BLUEMIX;
        }
        return DOCKER_V2;
    }

    /** The canonical spelling of a user-given type (case-insensitive), or an error naming the valid ones. */
    public static String validate(String type) throws InvalidRequestException {
        return validate(type, ParameterNaming.PLAIN);
    }

    public static String validate(String type, ParameterNaming naming) throws InvalidRequestException {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        if (VALID.contains(t)) {
            return t;
        }
        throw Parameters.REGISTRY_TYPE.invalid(naming, "'" + type + "' is not a Prisma Cloud registry type; use one of "
                + String.join(", ", VALID) + " (2 = Docker Registry v2, also for registries not listed), or leave it empty to infer it from the registry host");
    }

    /** Lower-case host without scheme, userinfo, port or path. */
    static String bareHost(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }
}
