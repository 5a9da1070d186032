package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    private final SecretMasker masker = new SecretMasker().add("s3cret-token");

    @Test
    void anExceptionWithoutSecretsIsRethrownUnchanged() {
        IllegalArgumentException e = new IllegalArgumentException("bad cap");

        assertThat(Masking.rethrowable(e, masker)).isSameAs(e);
    }

    @Test
    void anExceptionQuotingASecretIsReplacedByAMaskedCopyWithTheSameStackTrace() {
        IllegalStateException e = new IllegalStateException("header was Bearer s3cret-token");

        RuntimeException copy = Masking.rethrowable(e, masker);

        assertThat(copy).isNotSameAs(e).hasMessageContaining("Bearer ****").hasMessageNotContaining("s3cret-token")
                .hasNoCause();
        assertThat(copy.getStackTrace()).isEqualTo(e.getStackTrace());
    }

    @Test
    void aSecretInACauseAlsoTriggersTheMaskedCopy() {
        RuntimeException e = new RuntimeException("wrapper", new IllegalStateException("s3cret-token"));

        assertThat(Masking.rethrowable(e, masker)).isNotSameAs(e).hasNoCause();
    }

    @Test
    void userInfoIsRemovedFromUrlsInMessages() {
        assertThat(RegistrationTask.withoutUserInfo("https://u:p@console.example.com/x")).isEqualTo("https://console.example.com/x");
        assertThat(RegistrationTask.withoutUserInfo("https://console.example.com")).isEqualTo("https://console.example.com");
    }
}
