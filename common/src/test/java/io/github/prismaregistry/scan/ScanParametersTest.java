package io.github.prismaregistry.scan;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanParametersTest {

    private static ParameterSource source(Map<String, String> raw) {
        return parameter -> raw.get(parameter.name());
    }

    @Test
    void theCatalogueBuildsTheScanRequestAndItsGate() throws InvalidRequestException {
        ScanRequest request = ParameterReader.read(source(Map.of("image", "registry.example.com/shop/checkout:1.4.2",
                        "failOnSeverity", "HIGH", "ignoreUnfixed", "true", "ignoredVulnerabilities", "CVE-2021-44228, cve-2022-1",
                        "failOnConsoleBlock", "false", "scanTimeout", "120", "pollInterval", "3")),
                ParameterNaming.MAVEN, Operation.SCAN).scanRequest().build();

        assertThat(request.image()).isEqualTo("registry.example.com/shop/checkout:1.4.2");
        assertThat(request.policy().failOnSeverity()).isEqualTo(FailOnSeverity.HIGH);
        assertThat(request.policy().ignoreUnfixed()).isTrue();
        assertThat(request.policy().ignoredVulnerabilities()).containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2022-1");
        assertThat(request.policy().failOnConsoleBlock()).isFalse();
        assertThat(request.scanTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(request.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(request.naming()).isSameAs(ParameterNaming.MAVEN);
    }

    @Test
    void theDefaultsFailOnCriticalAndConsoleBlocksAndWait900Seconds() throws InvalidRequestException {
        ScanRequest request = ParameterReader.read(source(Map.of("image", "team/app:1")), ParameterNaming.PLAIN,
                Operation.SCAN).scanRequest().build();

        assertThat(request.policy().failOnSeverity()).isEqualTo(FailOnSeverity.CRITICAL);
        assertThat(request.policy().failOnConsoleBlock()).isTrue();
        assertThat(request.policy().ignoreUnfixed()).isFalse();
        assertThat(request.scanTimeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(request.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anImageWithoutTagOrDigestIsRefusedNamingTheParameterAsTheCallerWritesIt() {
        ScanRequest request = ScanRequest.builder().image("registry.example.com/shop/checkout")
                .naming(ParameterNaming.MAVEN).build();

        assertThatThrownBy(() -> ScanTarget.resolve(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("image");
                    assertThat(e.getMessage()).startsWith("<image> / -DprismaRegistry.image needs a tag or a digest");
                });
    }

    @Test
    void severitiesOfEveryDistroMapOntoFourLevels() {
        assertThat(Severity.normalise("Critical")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.normalise("important")).isEqualTo(Severity.HIGH);
        assertThat(Severity.normalise("moderate")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.normalise("negligible")).isEqualTo(Severity.LOW);
        assertThat(Severity.normalise("unimportant")).isEqualTo(Severity.LOW);
        assertThat(FailOnSeverity.HIGH.fails(Severity.CRITICAL)).isTrue();
        assertThat(FailOnSeverity.HIGH.fails(Severity.MEDIUM)).isFalse();
        assertThat(FailOnSeverity.NONE.fails(Severity.CRITICAL)).isFalse();
    }
}
