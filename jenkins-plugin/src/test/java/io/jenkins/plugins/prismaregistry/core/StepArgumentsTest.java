package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepArgumentsTest {

    @Test
    void blankTextFromAFormCountsAsUnset() {
        StepArguments arguments = new StepArguments().image("  ").registry("").tag(null).consoleUrl(" https://c:8083 ");

        assertThat(arguments.image()).isNull();
        assertThat(arguments.registry()).isNull();
        assertThat(arguments.tag()).isNull();
        assertThat(arguments.consoleUrl()).isEqualTo("https://c:8083");
    }

    @Test
    void failOnErrorIsOnAndScanLaterUnsetByDefault() {
        StepArguments arguments = new StepArguments();

        assertThat(arguments.failOnError()).isTrue();
        assertThat(arguments.scanLater()).isNull();
        assertThat(arguments.dryRun()).isFalse();
        assertThat(arguments.updateExisting()).isFalse();
    }

    @Test
    void expandResolvesVariablesInTextAndKeepsEverythingElse() {
        Map<String, String> env = Map.of("BUILD_NUMBER", "42", "REGISTRY", "registry.example.com");
        StepArguments arguments = new StepArguments()
                .image("${REGISTRY}/team/app:${BUILD_NUMBER}")
                .collections("prod")
                .cap(7)
                .scanLater(true)
                .dryRun(true)
                .failOnError(false)
                .updateExisting(true);

        StepArguments expanded = arguments.expand(text -> {
            String result = text;
            for (Map.Entry<String, String> e : env.entrySet()) {
                result = result.replace("${" + e.getKey() + "}", e.getValue());
            }
            return result;
        });

        assertThat(expanded.image()).isEqualTo("registry.example.com/team/app:42");
        assertThat(expanded.collections()).isEqualTo("prod");
        assertThat(expanded.cap()).isEqualTo(7);
        assertThat(expanded.scanLater()).isTrue();
        assertThat(expanded.dryRun()).isTrue();
        assertThat(expanded.failOnError()).isFalse();
        assertThat(expanded.updateExisting()).isTrue();
        assertThat(arguments.image()).as("the original is unchanged").contains("${BUILD_NUMBER}");
    }

    @Test
    void targetIsTheImageOrTheRegistryAndRepository() {
        assertThat(new StepArguments().image("team/app:1").describeTarget()).isEqualTo("team/app:1");
        assertThat(new StepArguments().registry("r.example.com").repository("team/app").tag("v*").describeTarget())
                .isEqualTo("r.example.com/team/app:v*");
        assertThat(new StepArguments().describeTarget()).isEqualTo("(no repository)");
    }
}
