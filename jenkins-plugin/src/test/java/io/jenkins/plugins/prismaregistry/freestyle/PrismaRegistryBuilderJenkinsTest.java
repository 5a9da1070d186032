package io.jenkins.plugins.prismaregistry.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.jenkins.plugins.prismaregistry.PrismaRegistryRunAction;
import io.jenkins.plugins.prismaregistry.SimulatorJenkinsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PrismaRegistryBuilderJenkinsTest {

    private static final String PASSWORD = "right-pw-9a7b5c3d";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(3));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);
    }

    @Test
    void aFreestyleBuildRegistersTheImageNamedWithBuildVariables() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage("registry.example.com/team/${JOB_NAME}:${BUILD_NUMBER}");
        p.getBuildersList().add(builder);

        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        r.assertLogContains("ADDED", b);
        assertThat(simulator.get().specifications()).anyMatch(n -> n.path("repository").asText().equals("team/" + p.getName()));
        assertThat(b.getAction(PrismaRegistryRunAction.class)).isNotNull();
        r.assertLogNotContains(PASSWORD, b);
    }

    @Test
    void withFailOnErrorOffAFailureMakesTheBuildUnstable() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage("registry.example.com/team/app:1");
        builder.setCredentialsId("missing");
        builder.setFailOnError(false);
        p.getBuildersList().add(builder);

        FreeStyleBuild b = r.buildAndAssertStatus(Result.UNSTABLE, p);

        r.assertLogContains("No credentials with ID 'missing'", b);
    }

    @Test
    void aFailureFailsTheBuildByDefault() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage("not a valid image reference");
        p.getBuildersList().add(builder);

        r.buildAndAssertStatus(Result.FAILURE, p);
        assertThat(simulator.get().writeCount()).isZero();
    }

    @Test
    void aFreestyleJobCanUnregisterTheEntryItRegistered() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage("registry.example.com/team/retired:1");
        p.getBuildersList().add(builder);
        r.buildAndAssertSuccess(p);
        assertThat(simulator.get().specifications()).anyMatch(n -> n.path("repository").asText().equals("team/retired"));

        builder.setOperation("unregister");
        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        r.assertLogContains("REMOVED", b);
        assertThat(simulator.get().specifications()).noneMatch(n -> n.path("repository").asText().equals("team/retired"));
        assertThat(simulator.get().entryCount()).isEqualTo(3);
    }

    @Test
    void theOperationChoiceSurvivesTheFormAndDefaultsToRegister() throws Exception {
        PrismaRegistryBuilder unregister = new PrismaRegistryBuilder();
        unregister.setImage("team/app");
        unregister.setOperation("unregister");
        assertThat(r.configRoundtrip(unregister).getOperation()).isEqualTo("unregister");

        PrismaRegistryBuilder register = new PrismaRegistryBuilder();
        register.setImage("team/app");
        assertThat(r.configRoundtrip(register).getOperation()).isEqualTo("register");
    }

    @Test
    void theFormKeepsEveryField() throws Exception {
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setOperation("unregister");
        builder.setImage("registry.example.com/team/app:${BUILD_NUMBER}");
        builder.setTag("v*");
        builder.setCap(10);
        builder.setScanners(1);
        builder.setCollections("prod");
        builder.setScanLater(true);
        builder.setUpdateExisting(true);
        builder.setDryRun(true);
        builder.setFailOnError(false);
        builder.setCredentialsId("prisma");

        r.assertEqualDataBoundBeans(builder, r.configRoundtrip(builder));

        PrismaRegistryBuilder minimal = new PrismaRegistryBuilder();
        minimal.setImage("team/app");
        PrismaRegistryBuilder minimalAfter = r.configRoundtrip(minimal);
        r.assertEqualDataBoundBeans(minimal, minimalAfter);
        assertThat(minimalAfter.getScanLater()).isNull();
    }
}
