package io.github.prismaregistry.image;

import io.github.prismaregistry.api.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    /** reference, registry, repository, tag, digest, inferred registry type. */
    static Stream<Arguments> references() {
        return Stream.of(
                arguments("ubuntu", "", "library/ubuntu", null, null, "2"),
                arguments("ubuntu:22.04", "", "library/ubuntu", "22.04", null, "2"),
                arguments("bitnami/nginx:1.25", "", "bitnami/nginx", "1.25", null, "2"),
                arguments("docker.io/library/ubuntu", "", "library/ubuntu", null, null, "2"),
                arguments("docker.io/ubuntu", "", "library/ubuntu", null, null, "2"),
                arguments("index.docker.io/bitnami/nginx", "", "bitnami/nginx", null, null, "2"),
                arguments("registry-1.docker.io/library/alpine:3.19", "", "library/alpine", "3.19", null, "2"),
                arguments("registry.example.com:5000/team/app", "registry.example.com:5000", "team/app", null, null, "2"),
                arguments("host:5000/repo", "host:5000", "repo", null, null, "2"),
                arguments("localhost:5000/app", "localhost:5000", "app", null, null, "2"),
                arguments("localhost/app:dev", "localhost", "app", "dev", null, "2"),
                arguments("192.168.1.10:5000/ns/app:1.0", "192.168.1.10:5000", "ns/app", "1.0", null, "2"),
                arguments("[::1]:5000/app:1", "[::1]:5000", "app", "1", null, "2"),
                arguments("registry.example.com/team/app@" + DIGEST, "registry.example.com", "team/app", null, DIGEST, "2"),
                arguments("registry.example.com/team/app:1.2@" + DIGEST, "registry.example.com", "team/app", "1.2", DIGEST, "2"),
                arguments("ubuntu@" + DIGEST, "", "library/ubuntu", null, DIGEST, "2"),
                arguments("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:7",
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "team/app", "7", null, "aws"),
                arguments("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app",
                        "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "app", null, null, "aws"),
                arguments("myacr.azurecr.io/apps/web:2", "myacr.azurecr.io", "apps/web", "2", null, "azure"),
                arguments("gcr.io/my-project/app:1", "gcr.io", "my-project/app", "1", null, "gcr"),
                arguments("eu.gcr.io/my-project/app", "eu.gcr.io", "my-project/app", null, null, "gcr"),
                arguments("europe-west1-docker.pkg.dev/proj/repo/app:3", "europe-west1-docker.pkg.dev", "proj/repo/app", "3", null, "gcr"),
                arguments("registry.gitlab.com/group/sub/app:main", "registry.gitlab.com", "group/sub/app", "main", null, "gitlab"),
                arguments("quay.io/coreos/etcd:v3.5", "quay.io", "coreos/etcd", "v3.5", null, "coreos"),
                arguments("acme.jfrog.io/docker-local/app:1", "acme.jfrog.io", "docker-local/app", "1", null, "jfrog"),
                arguments("us.icr.io/ns/app:1", "us.icr.io", "ns/app", "1", null, "bluemix"),
                arguments("icr.io/ns/app", "icr.io", "ns/app", null, null, "bluemix"),
                arguments("harbor.corp.example/library/app", "harbor.corp.example", "library/app", null, null, "2"),
                arguments("Registry.Example.COM/team/app", "registry.example.com", "team/app", null, null, "2"),
                arguments("registry.example.com/team/my_app__x-y.z:v1_2-3", "registry.example.com", "team/my_app__x-y.z", "v1_2-3", null, "2"));
    }

    @ParameterizedTest(name = "{0} -> registry \"{1}\", repository {2}, tag {3}, type {5}")
    @MethodSource("references")
    void parsesReferenceAndInfersRegistryType(String reference, String registry, String repository, String tag,
                                              String digest, String type) throws InvalidRequestException {
        ImageReference ref = ImageReference.parse(reference);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
        assertThat(RegistryType.infer(ref.registry())).isEqualTo(type);
    }

    static Stream<Arguments> invalidReferences() {
        return Stream.of(
                arguments("Team/App", "lowercase"),
                arguments("registry.example.com/Team/app", "lowercase"),
                arguments("https://registry.example.com/team/app", "no scheme"),
                arguments("app:", "tag"),
                arguments("app:-bad", "tag"),
                arguments("app@sha256:abc", "too short"),
                arguments("app@sha256:" + "0123456789abcdef".repeat(3), "too short: it has 48 hex digits"),
                arguments("app@sha256:" + "0123456789abcdef".repeat(5), "too long"),
                arguments("app@sha256:xyz", "algorithm:hex"),
                arguments("registry.acme.io:5000", "no repository; add the repository after it, e.g. registry.acme.io:5000/team/app"),
                arguments("registry.acme.io", "no repository"),
                arguments("localhost:5000", "no repository"),
                arguments("localhost", "no repository"),
                arguments("registry.acme.io@" + DIGEST, "no repository"),
                arguments("", "empty"),
                arguments("registry.example.com/", "missing"),
                arguments("team app", "white space"),
                arguments("host:99999/app", "port"),
                arguments("team//app", "not valid"),
                arguments("bad_host!.example/app", "host name"));
    }

    @ParameterizedTest(name = "''{0}'' is rejected mentioning {1}")
    @MethodSource("invalidReferences")
    void rejectsInvalidReferencesNamingTheImageParameter(String reference, String reason) {
        assertThatThrownBy(() -> ImageReference.parse(reference))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo("image"))
                .hasMessageContaining(reason);
    }

    @Test
    void dockerHubSpellingsAreTheSameRepository() throws InvalidRequestException {
        assertThat(ImageReference.parse("ubuntu")).isEqualTo(ImageReference.parse("docker.io/library/ubuntu"))
                .isEqualTo(ImageReference.parse("index.docker.io/ubuntu"));
        assertThat(ImageReference.parse("ubuntu").displayHost()).isEqualTo("docker.io");
    }

    @Test
    void aPlainNameWithANumberAfterTheColonIsStillAnImageWithATag() throws InvalidRequestException {
        ImageReference ref = ImageReference.parse("node:18");

        assertThat(ref.repository()).isEqualTo("library/node");
        assertThat(ref.tag()).isEqualTo("18");
    }

    @Test
    void hostWithPortAndNoTagIsNotMistakenForATag() throws InvalidRequestException {
        ImageReference ref = ImageReference.parse("registry.example.com:5000/app");

        assertThat(ref.registry()).isEqualTo("registry.example.com:5000");
        assertThat(ref.tag()).isNull();
    }
}
