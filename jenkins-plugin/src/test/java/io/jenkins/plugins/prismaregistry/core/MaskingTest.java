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

    @Test
    void aPasswordTypedWithARawAtSignIsRemovedWhole() {
        assertThat(RegistrationTask.withoutUserInfo("https://ci:p@ss@console.example.com/x")).isEqualTo("https://console.example.com/x");
        assertThat(RegistrationTask.withoutUserInfo("ci:p@ss@console.example.com")).isEqualTo("console.example.com");
        assertThat(RegistrationTask.withoutUserInfo("https://console.example.com/a@b")).isEqualTo("https://console.example.com/a@b");
        assertThat(RegistrationTask.withoutUserInfo("https://console.example.com?a=b@c")).isEqualTo("https://console.example.com?a=b@c");
    }

    @Test
    void thePasswordOfAUrlIsFoundForMasking() {
        assertThat(RegistrationTask.userInfoPassword("https://ci:p@ss@console.example.com")).isEqualTo("p@ss");
        assertThat(RegistrationTask.userInfoPassword("ci:pw@console.example.com")).isEqualTo("pw");
        assertThat(RegistrationTask.userInfoPassword("https://ci@console.example.com")).isNull();
        assertThat(RegistrationTask.userInfoPassword("https://console.example.com/a:b@c")).isNull();
        assertThat(RegistrationTask.userInfoPassword(null)).isNull();
    }
}
