package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.jenkinsoffline.fixtures.SampleConfiguration;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascYamlCheckTest {

    private final CascYamlCheck check = new CascYamlCheck("sampleConfig", Describables.beanProperties(SampleConfiguration.class));

    @Test
    void attributesAreTheConfigurationsGetterSetterPairs() {
        assertThat(Describables.beanProperties(SampleConfiguration.class)).containsExactlyInAnyOrder("consoleUrl", "retries");
    }

    @Test
    void configurationWithKnownAttributesPasses() throws IOException {
        assertThat(check.check(CascYamlCheck.file(Fixtures.YAML.resolve("casc-good.yml")))).isEmpty();
    }

    @Test
    void exportedNodeWithKnownAttributesPasses() throws IOException {
        assertThat(check.check(CascYamlCheck.file(Fixtures.YAML.resolve("export.yml")))).isEmpty();
    }

    @Test
    void unknownAttributeIsReported() throws IOException {
        assertThat(check.check(CascYamlCheck.file(Fixtures.YAML.resolve("casc-unknown-key.yml"))))
                .singleElement().asString().contains("unclassified.sampleConfig.consoleURL is not an attribute");
    }

    @Test
    void fileWithoutThePluginsSectionIsReported() throws IOException {
        assertThat(check.check(CascYamlCheck.file(Fixtures.YAML.resolve("casc-without-section.yml"))))
                .singleElement().asString().contains("no unclassified.sampleConfig section");
    }

    @Test
    void invalidYamlIsReported() throws IOException {
        assertThat(check.check(CascYamlCheck.file(Fixtures.YAML.resolve("broken.yml"))))
                .singleElement().asString().contains("YAML does not parse");
    }

    @Test
    void markdownBlocksAreFoundAndOnlyThoseAboutThePluginAreHeldToItsAttributes() throws IOException {
        List<CascYamlCheck.Snippet> blocks = CascYamlCheck.markdownBlocks(Fixtures.YAML.resolve("README-sample.md"));

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).origin()).endsWith("README-sample.md:3");
        assertThat(check.check(blocks.get(0))).isEmpty();
        assertThat(check.mentionsConfiguration(blocks.get(1))).isFalse();
        assertThat(check.check(blocks.get(1))).isEmpty();
        assertThat(check.check(blocks.get(2))).singleElement().asString().contains("sampleConfig.retry is not an attribute");
    }
}
