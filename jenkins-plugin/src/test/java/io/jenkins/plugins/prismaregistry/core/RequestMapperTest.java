package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.RegistrationRequest;
import org.junit.jupiter.api.Test;

class RequestMapperTest {

    @Test
    void everyStepArgumentReachesTheRequest() {
        StepArguments arguments = new StepArguments()
                .image("registry.example.com/team/app:1.2")
                .registry("registry.example.com:5000")
                .repository("team/app")
                .tag("release-*")
                .registryType("2")
                .registryCredentialId("registry-pull")
                .os("windows")
                .cap(0)
                .scanners(3)
                .collections("prod, payments")
                .scanLater(true)
                .updateExisting(true)
                .dryRun(true);

        RegistrationRequest request = RequestMapper.toRequest(arguments, false);

        assertThat(request.image()).isEqualTo("registry.example.com/team/app:1.2");
        assertThat(request.registry()).isEqualTo("registry.example.com:5000");
        assertThat(request.repository()).isEqualTo("team/app");
        assertThat(request.tag()).isEqualTo("release-*");
        assertThat(request.registryType()).isEqualTo("2");
        assertThat(request.registryCredentialId()).isEqualTo("registry-pull");
        assertThat(request.os()).isEqualTo("windows");
        assertThat(request.cap()).isZero();
        assertThat(request.scanners()).isEqualTo(3);
        assertThat(request.collections()).containsExactly("prod", "payments");
        assertThat(request.scanLater()).isTrue();
        assertThat(request.updateExisting()).isTrue();
        assertThat(request.dryRun()).isTrue();
    }

    @Test
    void unsetArgumentsStayUnsetSoTheEngineAppliesItsDefaults() {
        RegistrationRequest request = RequestMapper.toRequest(new StepArguments().image("team/app"), false);

        assertThat(request.registry()).isNull();
        assertThat(request.tag()).isNull();
        assertThat(request.registryType()).isNull();
        assertThat(request.os()).isNull();
        assertThat(request.cap()).isNull();
        assertThat(request.scanners()).isNull();
        assertThat(request.collections()).isNull();
        assertThat(request.updateExisting()).isFalse();
        assertThat(request.dryRun()).isFalse();
    }

    @Test
    void unsetScanLaterTakesTheGlobalDefault() {
        assertThat(RequestMapper.toRequest(new StepArguments().image("a/b"), true).scanLater()).isTrue();
        assertThat(RequestMapper.toRequest(new StepArguments().image("a/b"), false).scanLater()).isFalse();
    }

    @Test
    void explicitScanLaterWinsOverTheGlobalDefault() {
        assertThat(RequestMapper.toRequest(new StepArguments().image("a/b").scanLater(false), true).scanLater()).isFalse();
        assertThat(RequestMapper.toRequest(new StepArguments().image("a/b").scanLater(true), false).scanLater()).isTrue();
    }

    @Test
    void collectionsAreSplitOnCommasAndTrimmed() {
        assertThat(RequestMapper.parseCollections(" All ")).containsExactly("All");
        assertThat(RequestMapper.parseCollections("prod,  payments ,,")).containsExactly("prod", "payments");
        assertThat(RequestMapper.parseCollections(" , ")).isNull();
        assertThat(RequestMapper.parseCollections("")).isNull();
        assertThat(RequestMapper.parseCollections(null)).isNull();
    }
}
