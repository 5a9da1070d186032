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
    void aSecretInACauseAlsoTriggersTheMaskedCopyWhichKeepsTheCauseMasked() {
        RuntimeException e = new RuntimeException("wrapper", new IllegalStateException("s3cret-token"));

        RuntimeException copy = Masking.rethrowable(e, masker);

        assertThat(copy).isNotSameAs(e).hasMessage("java.lang.RuntimeException: wrapper");
        assertThat(copy.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("java.lang.IllegalStateException: ****").hasNoCause();
    }

    @Test
    void anExceptionOfAClassOutsideTheJdkAndJenkinsCoreIsReplacedByAPlainCopy() {
        IllegalArgumentException cause = new IllegalArgumentException("bad port");
        EngineFailure e = new EngineFailure("negative cap");
        e.initCause(cause);
        e.addSuppressed(new EngineFailure("also this"));

        RuntimeException copy = Masking.rethrowable(e, masker);

        assertThat(copy).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(EngineFailure.class.getName() + ": negative cap");
        assertThat(copy.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(copy.getCause()).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("java.lang.IllegalArgumentException: bad port");
        assertThat(copy.getSuppressed()).singleElement().isExactlyInstanceOf(IllegalStateException.class);
        assertThat(PlainTypes.isPlainChain(copy)).isTrue();
    }

    @Test
    void aJdkExceptionWithAnEngineCauseIsCopiedToo() {
        RuntimeException e = new RuntimeException("outer", new EngineFailure("inner"));

        assertThat(PlainTypes.isPlainChain(e)).isFalse();
        assertThat(PlainTypes.isPlainChain(Masking.rethrowable(e, masker))).isTrue();
    }

    @Test
    void anIoExceptionStaysAnIoException() {
        java.io.IOException e = new java.io.IOException("disk full", new EngineFailure("inner"));

        java.io.IOException copy = Masking.rethrowable(e, masker);

        assertThat(copy).isExactlyInstanceOf(java.io.IOException.class).hasMessage("java.io.IOException: disk full");
        assertThat(PlainTypes.isPlainChain(copy)).isTrue();
        java.io.IOException plain = new java.io.IOException("plain");
        assertThat(Masking.rethrowable(plain, masker)).isSameAs(plain);
    }

    /** Stands for any exception class of the bundled engine or of this plugin. */
    private static final class EngineFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EngineFailure(String message) {
            super(message);
        }
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
