package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Run;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build's "Prisma registry scan" page: who may see and download the result files and the backups. */
@WithJenkins
class PrismaRegistryRunActionJenkinsTest {

    private static final String PASSWORD = "right-pw-2c4e6a8b";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(4));

    private JenkinsRule r;
    private WorkflowRun build;
    private String result;
    private String backup;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);

        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("prismaRegistryRegister image: 'registry.example.com/team/app:1'", true));
        build = r.buildAndAssertSuccess(p);
        List<String> files = ResultFiles.list(build.getRootDir().toPath().resolve(ResultFiles.DIRECTORY));
        result = files.stream().filter(ResultFiles::isResultFile).findFirst().orElseThrow();
        backup = files.stream().filter(name -> !ResultFiles.isResultFile(name)).findFirst().orElseThrow();

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "configurer", "artifacts")
                .grant(Item.CONFIGURE).everywhere().to("configurer")
                .grant(Run.ARTIFACTS).everywhere().to("artifacts"));
    }

    @Test
    void readersGetTheResultsAndOnlyThoseWhoMayReadTheConfigurationGetTheBackups() throws Exception {
        assertThat(status("reader", "")).isEqualTo(200);
        assertThat(status("reader", download(result))).isEqualTo(200);
        assertThat(status("reader", download(backup))).isEqualTo(403);
        assertThat(status("configurer", download(backup))).isEqualTo(200);
        assertThat(status("reader", "download?file=..%2F..%2Fbuild.xml")).isEqualTo(403);
        assertThat(status("configurer", "download?file=..%2F..%2Fbuild.xml")).isEqualTo(404);
        assertThat(status("reader", "download?file=" + result.replace("result-", "nothing-"))).isEqualTo(403);
    }

    @Test
    void withTheArtifactsPermissionTurnedOnTheFilesNeedIt() throws Exception {
        Run.ARTIFACTS.setEnabled(true);
        try {
            assertThat(status("reader", "")).isEqualTo(200);
            assertThat(status("reader", download(result))).isEqualTo(403);
            assertThat(status("configurer", download(backup))).isEqualTo(403);
            assertThat(status("artifacts", download(result))).isEqualTo(200);
        } finally {
            Run.ARTIFACTS.setEnabled(false);
        }
    }

    private static String download(String file) {
        return "download?file=" + file;
    }

    private int status(String user, String page) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(user);
            return wc.goTo(build.getUrl() + "prisma-registry/" + page, null).getWebResponse().getStatusCode();
        }
    }
}
