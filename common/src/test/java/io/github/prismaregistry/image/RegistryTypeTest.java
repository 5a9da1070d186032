package io.github.prismaregistry.image;

import io.github.prismaregistry.api.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "123456789012.dkr.ecr.us-east-1.amazonaws.com | aws",
            "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/ | aws",
            "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com | aws",
            "123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn | aws",
            "dkr.ecr.us-east-1.amazonaws.com | 2",
            "public.ecr.aws | 2",
            "myacr.azurecr.io | azure",
            "MyAcr.AzureCR.io:443 | azure",
            "gcr.io | gcr",
            "https://gcr.io | gcr",
            "us.gcr.io | gcr",
            "us-central1-docker.pkg.dev | gcr",
            "registry.gitlab.com | gitlab",
            "https://registry.gitlab.com | gitlab",
            "gitlab.example.com | 2",
            "quay.io | coreos",
            "acme.jfrog.io | jfrog",
            "icr.io | bluemix",
            "de.icr.io | bluemix",
            "docker.io | 2",
            "index.docker.io | 2",
            "'' | 2",
            "localhost:5000 | 2",
            "10.0.0.5:5000 | 2",
            "nexus.corp.example:8443 | 2"})
    void infersTypeFromHost(String host, String type) {
        assertThat(RegistryType.infer(host)).isEqualTo(type);
    }

    @Test
    void acceptsEveryDocumentedTypeCaseInsensitively() throws InvalidRequestException {
        for (String t : RegistryType.VALID) {
            assertThat(RegistryType.validate(t.toUpperCase())).isEqualTo(t);
        }
    }

    @Test
    void rejectsUnknownTypeListingTheValidOnes() {
        assertThatThrownBy(() -> RegistryType.validate("ecr"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).isEqualTo("registryType"))
                .hasMessageContaining("'ecr'")
                .hasMessageContaining("aws, azure, gcr, 2, gitlab, harbor, jfrog, sonatype, coreos, redhat, bluemix, dtr");
    }
}
