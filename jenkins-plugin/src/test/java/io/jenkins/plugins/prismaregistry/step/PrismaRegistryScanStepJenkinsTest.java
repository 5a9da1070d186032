package io.jenkins.plugins.prismaregistry.step;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Result;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.ScanStart;
import io.jenkins.plugins.prismaregistry.PrismaRegistryRunAction;
import io.jenkins.plugins.prismaregistry.SimulatorJenkinsFixture;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PrismaRegistryScanStepJenkinsTest {

    private static final String PASSWORD = "scan-pw-9c2e4a6b8d";
    private static final String CLEAN = SimulatorJenkinsFixture.CLEAN;
    private static final String VULNERABLE = SimulatorJenkinsFixture.VULNERABLE;

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(20));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);
        SimulatorJenkinsFixture.addScanImages(simulator.get());
    }

    @Test
    void registerThenScanPassesReturnsTheMapAndCopiesTheReportsToTheWorkspace() throws Exception {
        WorkflowJob job = job("node {\n"
                + "  prismaRegistryRegister image: '" + CLEAN + "'\n"
                + "  def scan = prismaRegistryScan image: '" + CLEAN + "', pollInterval: 1\n"
                + "  echo \"verdict=${scan.verdict} critical=${scan.counts.critical} time=${scan.scanTime != null}"
                + " link=${scan.consoleImageLink != null} reports=${scan.reportFiles.size()}\"\n"
                + "}");
        WorkflowRun b = r.waitForCompletion(job.scheduleBuild2(0).waitForStart());

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("verdict=PASSED critical=0 time=true link=true reports=4", b);
        r.assertLogContains("Prisma scan PASSED", b);
        FilePath workspace = r.jenkins.getWorkspaceFor(job);
        assertThat(workspace.child("prisma-registry/scan-result.junit.xml").exists()).isTrue();
        assertThat(workspace.child("prisma-registry/scan-result.sarif.json").exists()).isTrue();
        assertThat(ResultFiles.list(b.getRootDir().toPath().resolve(ResultFiles.DIRECTORY)))
                .contains("scan-result.json", "scan-summary.md").anyMatch(name -> name.startsWith("result-scan-"));
        PrismaRegistryRunAction action = b.getAction(PrismaRegistryRunAction.class);
        assertThat(action.getResultFiles()).contains("scan-result.json", "scan-result.sarif.json");
        assertThat(action.getBackupFiles()).noneMatch(ResultFiles::isScanReport);
        assertThat(simulator.get().scanStarts()).filteredOn(s -> s.scope() == ScanStart.Scope.IMAGE).hasSize(1);
        r.assertLogNotContains(PASSWORD, b);
        assertThat(PrismaRegistryStepJenkinsTest.filesContaining(b.getRootDir().toPath(), PASSWORD)).isEmpty();
    }

    @Test
    void failedGateFailsTheBuildWithTheSummaryAndStillLeavesTheReports() throws Exception {
        WorkflowJob job = job("node {\n"
                + "  prismaRegistryRegister image: '" + VULNERABLE + "'\n"
                + "  try {\n"
                + "    prismaRegistryScan image: '" + VULNERABLE + "', pollInterval: 1, failOnError: false\n"
                + "  } finally {\n"
                + "    echo \"junit report there: ${fileExists('prisma-registry/scan-result.junit.xml')}\"\n"
                + "  }\n"
                + "}");
        WorkflowRun b = r.waitForCompletion(job.scheduleBuild2(0).waitForStart());

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("ERROR: Prisma scan gate FAILED for " + VULNERABLE, b);
        r.assertLogContains("CVE-2024-3094", b);
        r.assertLogContains("junit report there: true", b);
        r.assertLogNotContains("ProxyException", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    void errorWithFailOnErrorFalseReturnsVerdictError() throws Exception {
        // Nothing registered: no entry covers the image, so the step must not trigger a scan.
        WorkflowRun b = run("def scan = prismaRegistryScan image: '" + CLEAN + "', failOnError: false\n"
                + "echo \"verdict=${scan.verdict} message=${scan.message}\"");

        r.assertBuildStatusSuccess(b);
        r.assertLogContains("verdict=ERROR message=Could not scan " + CLEAN, b);
        assertThat(simulator.get().scanStarts()).noneMatch(s -> s.scope() == ScanStart.Scope.IMAGE);
    }

    @Test
    void errorFailsTheBuildByDefault() throws Exception {
        WorkflowRun b = run("prismaRegistryScan image: '" + CLEAN + "'");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("ERROR: Could not scan " + CLEAN, b);
    }

    @Test
    void theStepFormKeepsEveryField() throws Exception {
        PrismaRegistryScanStep step = new PrismaRegistryScanStep();
        step.setImage(CLEAN);
        step.setFailOnSeverity("high");
        step.setIgnoreUnfixed(true);
        step.setIgnoredVulnerabilities("CVE-2024-3094, CVE-2023-4911");
        step.setFailOnConsoleBlock(false);
        step.setScanTimeout(600);
        step.setPollInterval(5);
        step.setFailOnError(false);
        step.setConsoleUrl("https://other-console.example.com");
        step.setCredentialsId(SimulatorJenkinsFixture.CREDENTIALS_ID);

        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void theSnippetGeneratorPrintsOnlyWhatWasSet() throws Exception {
        PrismaRegistryScanStep step = new PrismaRegistryScanStep();
        step.setImage("x/y:1");
        step.setFailOnSeverity("high");

        new SnippetizerTester(r).assertRoundTrip(step, "prismaRegistryScan failOnSeverity: 'high', image: 'x/y:1'");
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + r.jenkins.getItems().size());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    private WorkflowRun run(String script) throws Exception {
        return r.waitForCompletion(job(script).scheduleBuild2(0).waitForStart());
    }
}
