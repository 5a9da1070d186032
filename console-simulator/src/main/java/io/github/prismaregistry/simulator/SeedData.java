package io.github.prismaregistry.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic, realistic registry specifications and credentials.
 *
 * <p>Entry i depends only on i, so {@code stored(100)} is a prefix of {@code stored(5000)}. Every entry is unique
 * by (version, registry, repository, tag): ordinary repositories carry their index, the few special ones (wildcards,
 * non-ASCII names, Docker Hub official images) are placed on fixed indices that cannot collide.
 */
final class SeedData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant SCAN_EPOCH = Instant.parse("2025-01-06T07:30:00Z");
    private static final String[] DOCKER_HUB_OFFICIAL = {
        "nginx", "alpine", "ubuntu", "postgres", "redis", "python", "node", "eclipse-temurin", "golang", "busybox",
        "debian", "httpd", "mysql", "mongo", "rabbitmq", "traefik", "memcached", "maven", "gradle", "haproxy"
    };
    private static final String[] AWS_ACCOUNTS = {"123456789012", "210987654321", "555566667777"};
    private static final String[] AWS_REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};
    private static final String[] OWNERS = {"platform-team", "équipe-données", "データ基盤チーム", "payments", "sre"};
    private static final String[] ENVIRONMENTS = {"prod", "staging", "dev"};
    private static final String SAMPLE_CA_CERT = "-----BEGIN CERTIFICATE-----\n"
            + "MIIBejCCASGgAwIBAgIUQm9ndXMgc2FtcGxlIENBIGZvciB0ZXN0czAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlj\n"
            + "b3JwLXJvb3QwHhcNMjUwMTAxMDAwMDAwWhcNMzUwMTAxMDAwMDAwWjAUMRIwEAYDVQQDDAljb3JwLXJvb3Qw\n"
            + "-----END CERTIFICATE-----\n";

    private SeedData() {
    }

    /** Entries made so far in this JVM; shared by all simulators since stored entries are never mutated. */
    private static final ArrayList<StoredEntry> CACHE = new ArrayList<>();

    /** The first count seeded entries as shared, immutable stored entries (made once per JVM). */
    static List<StoredEntry> stored(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("seed count must not be negative, was " + count);
        }
        synchronized (CACHE) {
            CACHE.ensureCapacity(count);
            for (int i = CACHE.size(); i < count; i++) {
                CACHE.add(new StoredEntry(entry(i)));
            }
            return new ArrayList<>(CACHE.subList(0, count));
        }
    }

    static ObjectNode entry(int i) {
        ObjectNode spec = NODES.objectNode();
        String kind;
        String registry;
        String repository = "team-" + (i % 23) + "/svc-" + i;
        String credential;
        String namespace = "";
        switch (i % 10) {
            case 0:
                kind = "2";
                registry = "";
                int official = i / 10;
                repository = official < DOCKER_HUB_OFFICIAL.length
                        ? "library/" + DOCKER_HUB_OFFICIAL[official]
                        : "acme" + (i % 7) + "/svc-" + i;
                credential = official < DOCKER_HUB_OFFICIAL.length ? "" : "dockerhub-ci";
                break;
            case 1:
                kind = "aws";
                registry = AWS_ACCOUNTS[(i / 10) % 3] + ".dkr.ecr." + AWS_REGIONS[(i / 30) % 3] + ".amazonaws.com";
                credential = "aws-ecr-prod";
                break;
            case 2:
                kind = "azure";
                registry = "contoso" + (i / 10) % 4 + ".azurecr.io";
                credential = "azure-acr";
                break;
            case 3:
                kind = "gcr";
                registry = (i / 10) % 3 == 0 ? "gcr.io" : (i / 10) % 3 == 1 ? "us-docker.pkg.dev" : "https://gcr.io";
                repository = "acme-project-" + (i % 5) + "/svc-" + i;
                credential = "gcp-gcr";
                break;
            case 4:
                kind = "gitlab";
                registry = (i / 10) % 2 == 0 ? "https://registry.gitlab.com" : "registry.gitlab.com";
                repository = "group-" + (i % 9) + "/svc-" + i;
                credential = "gitlab-token";
                break;
            case 5:
                kind = "harbor";
                registry = (i / 10) % 2 == 0 ? "harbor.example.com" : "harbor.internal.example.org:8443";
                credential = "harbor-robot";
                break;
            case 6:
                kind = "jfrog";
                registry = "acme.jfrog.io";
                credential = "jfrog-ci";
                break;
            case 7:
                kind = "sonatype";
                registry = "nexus.example.com:8443";
                credential = "nexus-ci";
                break;
            case 8:
                kind = "bluemix";
                registry = (i / 10) % 2 == 0 ? "us.icr.io" : "de.icr.io";
                namespace = "team-ns-" + (i % 3);
                repository = namespace + "/svc-" + i;
                credential = "ibm-cloud";
                break;
            default:
                kind = "2";
                registry = "registry.example.com:5000";
                credential = "registry-basic";
                break;
        }
        // Fixed indices for the shapes that have no index in their name; their registries differ from each other.
        switch (i) {
            case 1: repository = "team-a/*"; break;
            case 2: repository = "*"; break;
            case 9: repository = ""; break;
            case 5: repository = "équipe-données/api"; break;
            case 7: repository = "テスト/サービス"; break;
            default:
                if (i % 211 == 17) {
                    repository = "équipe-données/svc-" + i;
                }
                break;
        }
        String tag = "";
        if (i % 17 == 3) {
            tag = "1." + (i % 10) + ".0";
        } else if (i % 13 == 6) {
            tag = "release-*";
        }

        spec.put("version", kind);
        spec.put("registry", registry);
        spec.put("namespace", namespace);
        spec.put("repository", repository);
        spec.put("tag", tag);
        spec.put("os", i % 29 == 4 ? "windows" : i % 31 == 8 ? "linuxARM64" : "linux");
        spec.put("harborDeploymentSecurity", "harbor".equals(kind) && i % 20 == 5);
        spec.put("cap", i % 11 == 3 ? 0 : i % 5 == 4 ? 20 : 5);
        spec.put("scanners", i % 7 == 2 ? 1 : 2);
        ArrayNode collections = spec.putArray("collections");
        if (i % 4 == 1) {
            collections.add("team-" + (i % 23) + "-images");
        } else {
            collections.add("All");
            if (i % 12 == 0) {
                collections.add("prod");
            }
        }
        spec.put("credentialID", credential);
        ArrayNode excludedRepositories = spec.putArray("excludedRepositories");
        if (i % 19 == 7) {
            excludedRepositories.add("team-x/legacy").add("team-x/tmp-*");
        }
        ArrayNode excludedTags = spec.putArray("excludedTags");
        if (i % 23 == 5) {
            excludedTags.add("*-debug").add("*-snapshot");
        }
        spec.put("versionPattern", i % 37 == 11 ? "v*" : "");
        if ("jfrog".equals(kind)) {
            ArrayNode repoTypes = spec.putArray("jfrogRepoTypes");
            repoTypes.add("local");
            if (i % 20 == 6) {
                repoTypes.add("remote");
            } else if (i % 20 == 16) {
                repoTypes.removeAll().add("virtual");
            }
        }
        if ("gitlab".equals(kind)) {
            ObjectNode gitlab = spec.putObject("gitlabRegistrySpec");
            gitlab.put("userID", "1463139" + (i % 10));
            gitlab.putArray("projectIDs").add(String.valueOf(40000 + i));
            gitlab.putArray("groupIDs").add(String.valueOf(7000 + i % 9));
            gitlab.putArray("excludedGroupIDs");
            gitlab.put("apiDomainName", i % 20 == 14 ? "gitlab.example.com" : "");
        }
        if (i % 10 == 9 || i % 20 == 15) {
            spec.put("caCert", SAMPLE_CA_CERT);
        }
        if (i % 8 != 3) {
            spec.put("id", id(i));
        }
        if (i % 3 == 0) {
            Instant started = SCAN_EPOCH.plusSeconds(i * 137L);
            spec.put("lastScanStatus", i % 45 == 0 ? "failed" : "completed");
            spec.put("lastScanTime", started.plusSeconds(95).toString());
            spec.put("scanStatus", "");
            spec.put("scanTime", started.toString());
            spec.put("scannedImagesSuccessTotal", i % 45 == 0 ? 0 : 1 + i % 40);
            if (i % 45 == 0) {
                spec.put("scanError", "failed to fetch image list: unauthorized");
            }
        }
        if (i % 6 == 1) {
            spec.put("x-team-owner", OWNERS[(i / 6) % OWNERS.length]);
        }
        if (i % 9 == 4) {
            ObjectNode metadata = spec.putObject("x-metadata");
            metadata.put("costCenter", "CC-" + (i % 90));
            ObjectNode labels = metadata.putObject("labels");
            labels.put("env", ENVIRONMENTS[i % 3]);
            labels.put("note", i % 2 == 0 ? "geprüft ✓" : "reviewed");
            metadata.putArray("reviewedBy").add("alice").add("bob");
            metadata.put("weight", 1 + i % 4);
            metadata.putNull("ticket");
        }
        return spec;
    }

    private static String id(int i) {
        long mixed = splitMix(i + 0x5EEDL);
        String hex = Long.toHexString(mixed) + Long.toHexString(splitMix(mixed));
        StringBuilder padded = new StringBuilder(24);
        for (int pad = hex.length(); pad < 24; pad++) {
            padded.append('0');
        }
        padded.append(hex, 0, Math.min(hex.length(), 24 - padded.length()));
        return padded.toString();
    }

    private static long splitMix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The credential store: one credential for each credentialID the seeded entries use. */
    static List<ObjectNode> credentials() {
        List<ObjectNode> credentials = new ArrayList<>();
        credentials.add(credential("aws-ecr-prod", "aws", "ECR pull for production accounts", "AKIAEXAMPLE0123456789"));
        credentials.add(credential("azure-acr", "azure", "ACR service principal", ""));
        credentials.add(credential("gcp-gcr", "gcp", "GCR and Artifact Registry reader", ""));
        credentials.add(credential("gitlab-token", "gitlabToken", "GitLab registry token", ""));
        credentials.add(credential("harbor-robot", "basic", "Harbor robot account", "robot$scanner"));
        credentials.add(credential("jfrog-ci", "basic", "Artifactory read-only", "ci-reader"));
        credentials.add(credential("nexus-ci", "basic", "Nexus read-only", "ci-reader"));
        credentials.add(credential("ibm-cloud", "ibmCloud", "IBM Cloud API key", ""));
        credentials.add(credential("dockerhub-ci", "basic", "Docker Hub pull account", "acme-ci"));
        credentials.add(credential("registry-basic", "basic", "Internal registry", "scanner"));
        return credentials;
    }

    private static ObjectNode credential(String id, String type, String description, String accountId) {
        ObjectNode credential = NODES.objectNode();
        credential.put("_id", id);
        credential.put("type", type);
        credential.put("description", description);
        credential.put("accountID", accountId);
        // The console never returns secrets in clear text.
        credential.putObject("secret").put("encrypted", "");
        credential.put("lastModified", "2025-01-02T10:00:00Z");
        credential.put("owner", "admin");
        credential.put("global", false);
        credential.put("external", false);
        if ("aws".equals(type)) {
            credential.put("useAWSRole", false);
        }
        return credential;
    }
}
