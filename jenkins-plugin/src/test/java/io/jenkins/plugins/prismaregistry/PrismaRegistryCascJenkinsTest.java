package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

@WithJenkinsConfiguredWithCode
class PrismaRegistryCascJenkinsTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void yamlConfiguresEverySetting(JenkinsConfiguredWithCodeRule r) {
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();

        assertThat(configuration.getConsoleUrl()).isEqualTo("https://console.example.com:8083");
        assertThat(configuration.getCredentialsId()).isEqualTo("prisma-console");
        assertThat(configuration.getApiVersion()).isEqualTo("v34.03");
        assertThat(configuration.getProject()).isEqualTo("team-a");
        assertThat(configuration.getCaCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(configuration.isSkipTlsVerify()).isFalse();
        assertThat(configuration.getConnectTimeout()).isEqualTo(15);
        assertThat(configuration.getReadTimeout()).isEqualTo(120);
        assertThat(configuration.getRetries()).isEqualTo(5);
        assertThat(configuration.isScanLater()).isTrue();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportGivesBackWhatWasImported(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("prismaRegistry");

        Map<String, Object> exported = new Yaml().load(Util.toYamlString(node));

        assertThat(exported).containsEntry("consoleUrl", "https://console.example.com:8083")
                .containsEntry("credentialsId", "prisma-console")
                .containsEntry("apiVersion", "v34.03")
                .containsEntry("project", "team-a")
                .containsEntry("connectTimeout", 15)
                .containsEntry("readTimeout", 120)
                .containsEntry("retries", 5)
                .containsEntry("scanLater", true);
        assertThat((String) exported.get("caCertificate")).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
