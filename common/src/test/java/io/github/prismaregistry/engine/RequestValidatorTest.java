package io.github.prismaregistry.engine;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.merge.DesiredEntry;
import io.github.prismaregistry.settings.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestValidatorTest {

    private static void assertInvalid(RegistrationRequest.Builder request, String parameter, String messagePart) {
        assertThatThrownBy(() -> RequestValidator.desiredEntry(request.build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(messagePart);
    }

    @Test
    void imageGivesOneEntryPerRepositoryWithDefaultsAndInferredType() throws InvalidRequestException {
        DesiredEntry d = RequestValidator.desiredEntry(RegistrationRequest.builder()
                .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.2.3").build());

        assertThat(Json.text(d.entry())).isEqualTo("{\"version\":\"aws\",\"registry\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com\","
                + "\"repository\":\"team/app\",\"tag\":\"\",\"os\":\"linux\",\"cap\":5,\"scanners\":2,\"collections\":[\"All\"]}");
        assertThat(d.explicitManagedFields().size()).isZero();
    }

    @Test
    void explicitFieldsOverrideTheImageAndAreTheOnesAnUpdateMayChange() throws InvalidRequestException {
        DesiredEntry d = RequestValidator.desiredEntry(RegistrationRequest.builder()
                .image("ubuntu:22.04").registry("registry.example.com:5000").tag("release-*").registryType("Harbor")
                .os("LINUXarm64").cap(0).scanners(3).collections(List.of("Prod", " ", "Prod", "Dev")).registryCredentialId("harbor-ci")
                .build());

        assertThat(Json.text(d.entry())).isEqualTo("{\"version\":\"harbor\",\"registry\":\"registry.example.com:5000\","
                + "\"repository\":\"library/ubuntu\",\"tag\":\"release-*\",\"os\":\"linuxARM64\",\"cap\":0,\"scanners\":3,"
                + "\"collections\":[\"Prod\",\"Dev\"],\"credentialID\":\"harbor-ci\"}");
        assertThat(Json.text(d.explicitManagedFields())).isEqualTo("{\"os\":\"linuxARM64\",\"cap\":0,\"scanners\":3,"
                + "\"collections\":[\"Prod\",\"Dev\"],\"credentialID\":\"harbor-ci\"}");
    }

    @Test
    void registryAndRepositoryWithoutImageWork() throws InvalidRequestException {
        DesiredEntry d = RequestValidator.desiredEntry(RegistrationRequest.builder()
                .registry("https://registry.gitlab.com/").repository("group/*").build());

        assertThat(d.entry().get("registry").asText()).isEqualTo("https://registry.gitlab.com");
        assertThat(d.entry().get("version").asText()).isEqualTo("gitlab");
        assertThat(d.entry().get("repository").asText()).isEqualTo("group/*");
    }

    @Test
    void dockerHubRegistryIsEmptyAndOfficialImagesGetLibrary() throws InvalidRequestException {
        DesiredEntry d = RequestValidator.desiredEntry(RegistrationRequest.builder().registry("docker.io").repository("nginx").build());

        assertThat(d.entry().get("registry").asText()).isEmpty();
        assertThat(d.entry().get("repository").asText()).isEqualTo("library/nginx");
        assertThat(d.entry().get("version").asText()).isEqualTo("2");
    }

    @Test
    void missingImageAndRepositoryIsRejected() {
        assertInvalid(RegistrationRequest.builder().registry("r.example"), "image", "set image");
    }

    @Test
    void unparsableImageIsRejected() {
        assertInvalid(RegistrationRequest.builder().image("Registry/App"), "image", "lowercase");
    }

    @Test
    void negativeCapIsRejected() {
        assertInvalid(RegistrationRequest.builder().image("app").cap(-1), "cap", "0");
    }

    @Test
    void zeroScannersAreRejected() {
        assertInvalid(RegistrationRequest.builder().image("app").scanners(0), "scanners", "1 or more");
    }

    @Test
    void unknownOsIsRejectedListingTheValidOnes() {
        assertInvalid(RegistrationRequest.builder().image("app").os("macos"), "os", "linux, linuxARM64, windows");
    }

    @Test
    void unknownRegistryTypeIsRejected() {
        assertInvalid(RegistrationRequest.builder().image("app").registryType("docker"), "registryType", "aws, azure");
    }

    @Test
    void upperCaseRepositoryIsRejected() {
        assertInvalid(RegistrationRequest.builder().registry("r.example").repository("Team/App"), "repository", "lowercase");
    }

    @Test
    void badTagIsRejected() {
        assertInvalid(RegistrationRequest.builder().image("app").tag("-x"), "tag", "tag");
    }

    @Test
    void registryWithUserInfoIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> RequestValidator.desiredEntry(RegistrationRequest.builder().registry("bob:hunter2@r.example")
                .repository("a").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void emptyCollectionsAreRejected() {
        assertInvalid(RegistrationRequest.builder().image("app").collections(List.of(" ")), "collections", "at least one");
    }
}
