package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.ErrorAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Pipeline keeps what the steps hand it as it is: a failure stays a plain AbortException (no ProxyException, no
 * stack trace in the log), and nothing of the bundled engine reaches build.xml or the global configuration.
 */
@WithJenkins
class PipelineStateJenkinsTest {

    private static final String PASSWORD = "right-pw-5a4b3c2d";
    private static final String ENGINE_PACKAGE = "io.github.prismaregistry";

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
    void aFailedCallEndsTheBuildWithItsMessageAloneAndEveryErrorActionKeepsTheAbortException() throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "failing");
        p.setDefinition(new CpsFlowDefinition(
                "prismaRegistryRegister image: 'registry.example.com/team/app:1', consoleUrl: 'http://127.0.0.1:1'", true));

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);

        r.assertLogContains("ERROR: Could not register registry.example.com/team/app:1", b);
        r.assertLogNotContains("ProxyException", b);
        r.assertLogNotContains("\tat ", b);
        Throwable cause = b.getExecution().getCauseOfFailure();
        assertThat(cause).isExactlyInstanceOf(AbortException.class).hasNoCause();
        int errorActions = 0;
        for (FlowNode node : new DepthFirstScanner().allNodes(b.getExecution())) {
            ErrorAction error = node.getPersistentAction(ErrorAction.class);
            if (error != null) {
                errorActions++;
                assertThat(error.getError()).isExactlyInstanceOf(AbortException.class);
            }
        }
        assertThat(errorActions).isPositive();
        // The check ErrorAction makes before it keeps an error as it is.
        assertThat(Jenkins.XSTREAM2.toXML(cause)).contains("hudson.AbortException").doesNotContain(ENGINE_PACKAGE);
        assertThat(Files.readString(b.getRootDir().toPath().resolve("build.xml"))).doesNotContain(ENGINE_PACKAGE);
    }

    @Test
    void theReturnedMapIsMadeOfJdkCollectionsAndNothingStoredNamesAnEngineClass() throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "types");
        // Not sandboxed: getClass() is what this test needs to see.
        p.setDefinition(new CpsFlowDefinition("def result = prismaRegistryRegister image: 'registry.example.com/team/app:1'\n"
                + "echo \"map=${result.getClass().name} entry=${result.entry.getClass().name}"
                + " warnings=${result.warnings.getClass().name}\"\n"
                + "def failed = prismaRegistryRegister image: 'x:1', consoleUrl: 'http://127.0.0.1:1', failOnError: false\n"
                + "echo \"failed=${failed.getClass().name} action=${failed.action}\"", false));

        WorkflowRun b = r.buildAndAssertSuccess(p);

        r.assertLogContains("map=java.util.LinkedHashMap entry=java.util.LinkedHashMap warnings=java.util.ArrayList", b);
        r.assertLogContains("failed=java.util.LinkedHashMap action=FAILED", b);
        assertThat(Files.readString(b.getRootDir().toPath().resolve("build.xml"))).doesNotContain(ENGINE_PACKAGE);
        Path configuration = r.jenkins.getRootDir().toPath().resolve(PrismaRegistryConfiguration.class.getName() + ".xml");
        assertThat(Files.readString(configuration)).doesNotContain(ENGINE_PACKAGE);
        assertThat(Jenkins.XSTREAM2.toXML(b.getAction(PrismaRegistryRunAction.class))).doesNotContain(ENGINE_PACKAGE);
    }
}
