package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A step value that is not what its field takes fails the step, names the field, and writes nothing. */
@WithJenkins
class StrictValuesJenkinsTest {

    private static final String PASSWORD = "right-pw-4f3e2d1c";
    private static final String IMAGE = "registry.example.com/team/app:1";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(3));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);
    }

    private WorkflowRun failing(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + r.jenkins.getItems().size());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(Result.FAILURE, p);
    }

    @Test
    void aBooleanGivenAsYesFailsNamingTheField() throws Exception {
        WorkflowRun b = failing("prismaRegistryRegister image: '" + IMAGE + "', scanLater: 'yes'\n");

        r.assertLogContains("scanLater", b);
        assertThat(simulator.get().writeCount()).isZero();
    }

    @Test
    void aNumberOutOfBoundsFailsWithTheCataloguesMessage() throws Exception {
        WorkflowRun b = failing("prismaRegistryRegister image: '" + IMAGE + "', cap: -1\n");

        r.assertLogContains("Check 'cap': cap must be 0 or more, was -1", b);
        assertThat(simulator.get().writeCount()).isZero();
    }
}
