package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What a person sees of the calls: a line each on the build's page, a table row each behind it. */
@WithJenkins
class PrismaRegistrySummaryJenkinsTest {

    private static final String PASSWORD = "right-pw-9e8d7c6b";
    private static final String IMAGE = "registry.example.com/team/app";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(4));

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SimulatorJenkinsFixture.configure(r, simulator.get(), "ci", PASSWORD);
    }

    private WorkflowRun build(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + r.jenkins.getItems().size());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertSuccess(p);
    }

    @Test
    void theBuildPageShowsALinePerCallAndAFailureInTheErrorStyle() throws Exception {
        WorkflowRun b = build("prismaRegistryRegister image: '" + IMAGE + ":1'\n"
                + "prismaRegistryRegister image: '" + IMAGE + ":2'\n"
                + "prismaRegistryRegister image: '" + IMAGE + ":3', consoleUrl: 'http://127.0.0.1:1', failOnError: false\n"
                + "prismaRegistryUnregister image: '" + IMAGE + ":1'\n");

        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.getPage(b);
            String text = page.asNormalizedText();
            assertThat(text).contains("register [2] registry.example.com/team/app: ADDED, entries 4 \u2192 5, 1 write, ")
                    .contains("register [2] registry.example.com/team/app: ALREADY_COVERED, entries 5 \u2192 5, no write, ")
                    .contains("register " + IMAGE + ":3: FAILED: Could not register " + IMAGE + ":3")
                    .contains("unregister [2] registry.example.com/team/app: REMOVED, entries 5 \u2192 4, 1 write, ");
            List<DomElement> errors = page.getByXPath("//a[contains(@class, 'error') and contains(@href, 'prisma-registry/#call-')]");
            assertThat(errors).singleElement().satisfies(a -> assertThat(a.getTextContent()).contains("FAILED"));
            List<DomElement> links = page.getByXPath("//a[contains(@href, 'prisma-registry/#call-')]");
            List<String> hrefs = links.stream().map(a -> a.getAttribute("href")).toList();
            assertThat(hrefs).hasSize(4).allMatch(href -> href.contains(b.getUrl() + "prisma-registry/#call-"));
            assertThat(hrefs.get(3)).endsWith("#call-4");
        }
    }

    @Test
    void theDetailPageIsATableWithARowPerCallAndItsFiles() throws Exception {
        WorkflowRun b = build("prismaRegistryRegister image: '" + IMAGE + ":1'\n"
                + "prismaRegistryRegister image: '" + IMAGE + ":2', consoleUrl: 'http://127.0.0.1:1', failOnError: false\n");

        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.goTo(b.getUrl() + "prisma-registry/");
            HtmlTable table = page.getHtmlElementById("prisma-registry-calls");
            List<HtmlTableRow> rows = table.getBodies().get(0).getRows();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getId()).isEqualTo("call-1");
            assertThat(rows.get(0).asNormalizedText()).contains("register").contains("[2] registry.example.com/team/app")
                    .contains("ADDED").contains("4 \u2192 5").contains("1 write").contains("result (JSON)").contains("backup");
            assertThat(rows.get(1).asNormalizedText()).contains("FAILED").contains("Could not register " + IMAGE + ":2");
            List<DomElement> downloads = page.getByXPath("//table[@id='prisma-registry-calls']//a[contains(@href, 'download?file=')]");
            assertThat(downloads).hasSize(3);
            for (DomElement link : downloads) {
                assertThat(wc.getPage(page.getFullyQualifiedUrl(link.getAttribute("href"))).getWebResponse().getStatusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void userDataInAResultIsEscapedOnBothPages() throws Exception {
        WorkflowRun b = build("prismaRegistryRegister image: '<img src=x onerror=alert(1)>', failOnError: false\n");

        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            for (HtmlPage page : List.of(wc.getPage(b), wc.goTo(b.getUrl() + "prisma-registry/"))) {
                assertThat(page.getByXPath("//img[@src='x']")).isEmpty();
                assertThat(page.asNormalizedText()).contains("<img src=x onerror=alert(1)>");
            }
        }
    }

    @Test
    void aBuildWhoseCallLeftNoResultSaysSoOnBothPages() throws Exception {
        WorkflowRun b = build("echo 'nothing registered'");
        PrismaRegistryRunAction.attachTo(b);

        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            assertThat(wc.getPage(b).asNormalizedText()).contains("No call of the registry-scan steps has finished in this build yet.");
            assertThat(wc.goTo(b.getUrl() + "prisma-registry/").asNormalizedText())
                    .contains("No call of the registry-scan steps has finished in this build yet.")
                    .contains("No backups: nothing was written to the Console in this build.");
        }
    }
}
