package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.parameters.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepArgumentsTest {

    @Test
    void blankTextFromAFormCountsAsUnset() {
        StepArguments arguments = new StepArguments().image("  ").registry("").tag(null).consoleUrl(" https://c:8083 ");

        assertThat(arguments.image()).isNull();
        assertThat(arguments.raw(Parameters.REGISTRY)).isNull();
        assertThat(arguments.raw(Parameters.TAG)).isNull();
        assertThat(arguments.consoleUrl()).isEqualTo("https://c:8083");
    }

    @Test
    void failOnErrorIsOnAndScanLaterUnsetByDefault() {
        StepArguments arguments = new StepArguments();

        assertThat(arguments.failOnError()).isTrue();
        assertThat(arguments.raw(Parameters.SCAN_LATER)).isNull();
        assertThat(arguments.failOnError("FALSE").failOnError()).isFalse();
        assertThat(arguments.failOnError("maybe").failOnError()).as("left to the catalogue to report").isTrue();
    }

    @Test
    void typedFieldsAreHandedOverAsText() {
        StepArguments arguments = new StepArguments().cap(7).scanners(null).scanLater(Boolean.TRUE).dryRun(false);

        assertThat(arguments.raw(Parameters.CAP)).isEqualTo("7");
        assertThat(arguments.raw(Parameters.SCANNERS)).isNull();
        assertThat(arguments.raw(Parameters.SCAN_LATER)).isEqualTo("true");
        assertThat(arguments.raw(Parameters.DRY_RUN)).isEqualTo("false");
    }

    @Test
    void expandResolvesVariablesAndKeepsEverythingElse() {
        Map<String, String> env = Map.of("BUILD_NUMBER", "42", "REGISTRY", "registry.example.com");
        StepArguments arguments = new StepArguments()
                .image("${REGISTRY}/team/app:${BUILD_NUMBER}")
                .collections("prod")
                .cap(7)
                .scanLater(true)
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
        assertThat(expanded.raw(Parameters.COLLECTIONS)).isEqualTo("prod");
        assertThat(expanded.raw(Parameters.CAP)).isEqualTo("7");
        assertThat(expanded.raw(Parameters.SCAN_LATER)).isEqualTo("true");
        assertThat(expanded.failOnError()).isFalse();
        assertThat(expanded.raw(Parameters.UPDATE_EXISTING)).isEqualTo("true");
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
