package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final String CANARY = "canary-S3cr3t/with+chars";

    @Test
    void masksTheSecretWhereverItAppears() {
        SecretMasker masker = new SecretMasker().add(CANARY);

        assertThat(masker.mask("login failed for " + CANARY + " (" + CANARY + ")"))
                .isEqualTo("login failed for **** (****)");
    }

    @Test
    void masksTheUrlEncodedForm() {
        SecretMasker masker = new SecretMasker().add(CANARY);
        String encoded = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);

        assertThat(encoded).isNotEqualTo(CANARY);
        assertThat(masker.mask("https://proxy?pw=" + encoded)).isEqualTo("https://proxy?pw=****");
    }

    @Test
    void masksTheJsonEscapedForm() {
        SecretMasker masker = new SecretMasker().add("a\"b\\c-7d2e");

        assertThat(masker.mask("{\"password\":\"a\\\"b\\\\c-7d2e\"}")).isEqualTo("{\"password\":\"****\"}");
    }

    @Test
    void masksABasicAuthorizationHeaderOfALogin() {
        SecretMasker masker = new SecretMasker().addLogin("admin", CANARY);
        String header = Base64.getEncoder().encodeToString(("admin:" + CANARY).getBytes(StandardCharsets.UTF_8));

        assertThat(masker.mask("Authorization: Basic " + header)).isEqualTo("Authorization: Basic ****");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        SecretMasker masker = new SecretMasker().add("abc").add("xxabcxx");

        assertThat(masker.mask("token xxabcxx")).isEqualTo("token ****");
    }

    @Test
    void leavesTextAloneWhenNothingIsKnownOrNothingMatches() {
        assertThat(new SecretMasker().mask("plain")).isEqualTo("plain");
        assertThat(new SecretMasker().add(CANARY).mask("plain")).isEqualTo("plain");
        assertThat(new SecretMasker().add(CANARY).mask(null)).isNull();
        assertThat(new SecretMasker().add("").add(null).mask("plain")).isEqualTo("plain");
    }
}
