package io.jenkins.plugins.prismaregistry.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.ScanStart;
import io.jenkins.plugins.prismaregistry.PrismaRegistryRunAction;
import io.jenkins.plugins.prismaregistry.SimulatorJenkinsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step's optional "scan and gate after registering" section. */
@WithJenkins
class PrismaRegistryBuilderScanJenkinsTest {

    private static final String PASSWORD = "right-pw-1e3c5a7b";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(3));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);
        SimulatorJenkinsFixture.addScanImages(simulator.get());
    }

    private FreeStyleProject job(String image) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage(image);
        builder.setScanAfterRegistering(true);
        builder.setPollInterval(1);
        p.getBuildersList().add(builder);
        return p;
    }

    @Test
    void aCleanImageIsRegisteredThenScannedAndPasses() throws Exception {
        FreeStyleBuild b = r.buildAndAssertSuccess(job(SimulatorJenkinsFixture.CLEAN));

        r.assertLogContains("ADDED", b);
        r.assertLogContains("Prisma scan PASSED", b);
        assertThat(simulator.get().scanStarts()).filteredOn(s -> s.scope() == ScanStart.Scope.IMAGE).hasSize(1);
        assertThat(b.getAction(PrismaRegistryRunAction.class).getResultFiles()).contains("scan-result.sarif.json");
        r.assertLogNotContains(PASSWORD, b);
    }

    @Test
    void aFailedGateFailsTheBuildNamingTheCve() throws Exception {
        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, job(SimulatorJenkinsFixture.VULNERABLE));

        r.assertLogContains("Prisma scan gate FAILED for " + SimulatorJenkinsFixture.VULNERABLE, b);
        r.assertLogContains("CVE-2024-3094", b);
    }

    @Test
    void withoutTheSectionNothingIsScanned() throws Exception {
        FreeStyleProject p = job(SimulatorJenkinsFixture.VULNERABLE);
        ((PrismaRegistryBuilder) p.getBuildersList().get(0)).setScanAfterRegistering(false);

        r.buildAndAssertSuccess(p);

        assertThat(simulator.get().scanStarts()).noneMatch(s -> s.scope() == ScanStart.Scope.IMAGE);
    }

    @Test
    void theFormKeepsTheScanSection() throws Exception {
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setImage(SimulatorJenkinsFixture.CLEAN);
        builder.setScanAfterRegistering(true);
        builder.setFailOnSeverity("high");
        builder.setIgnoreUnfixed(true);
        builder.setIgnoredVulnerabilities("CVE-2024-3094");
        builder.setFailOnConsoleBlock(false);
        builder.setScanTimeout(600);
        builder.setPollInterval(5);

        r.assertEqualDataBoundBeans(builder, r.configRoundtrip(builder));
    }
}
