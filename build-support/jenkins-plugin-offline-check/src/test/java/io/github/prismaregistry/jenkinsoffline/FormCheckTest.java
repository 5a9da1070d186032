package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.jenkinsoffline.fixtures.BrokenStep;
import io.github.prismaregistry.jenkinsoffline.fixtures.SampleConfiguration;
import io.github.prismaregistry.jenkinsoffline.fixtures.SampleStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCheckTest {

    @Test
    void viewsAreFoundWithTheClassTheyBelongTo() {
        PluginTree tree = Fixtures.sampleTree();

        assertThat(tree.formViews()).hasSize(3);
        assertThat(tree.ownerOf(Fixtures.FIXTURE_VIEWS.resolve("SampleStep/config.jelly"))).contains(SampleStep.class);
        assertThat(tree.ownerOf(Fixtures.FIXTURE_VIEWS.resolve("SampleConfiguration/config.jelly")))
                .contains(SampleConfiguration.class);
    }

    @Test
    void stepViewWithHelpForEveryFieldPasses() throws IOException {
        assertThat(FormCheck.check(Fixtures.sampleTree(), Fixtures.FIXTURE_VIEWS.resolve("SampleStep/config.jelly")))
                .isEmpty();
    }

    @Test
    void globalConfigurationViewWithValidateButtonPasses() throws IOException {
        assertThat(FormCheck.check(Fixtures.sampleTree(),
                Fixtures.FIXTURE_VIEWS.resolve("SampleConfiguration/config.jelly"))).isEmpty();
    }

    @Test
    void brokenViewReportsEveryBindingMistake() throws IOException {
        List<String> problems = FormCheck.check(Fixtures.sampleTree(),
                Fixtures.FIXTURE_VIEWS.resolve("BrokenStep/config.jelly"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("field=\"imgae\"> binds nothing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no public getter for 'tag'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("missing help-tag.html"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("needs a public doFillTagItems"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("needs a public doTestConection"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("help-image.html"));
    }

    @Test
    void fieldWithoutHelpFileIsReportedEvenWhenTheFormDoesNotShowIt(@TempDir Path copy) throws IOException {
        PluginTree tree = copyOfSampleViews(copy);
        Path stepDir = copy.resolve(Fixtures.VIEWS.relativize(Fixtures.FIXTURE_VIEWS)).resolve("SampleStep");
        Files.delete(stepDir.resolve("help-dryRun.html"));
        Files.writeString(stepDir.resolve("config.jelly"), """
                <?jelly escape-by-default='true'?>
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="image"><f:textbox/></f:entry>
                </j:jelly>
                """);

        assertThat(FormCheck.check(tree, stepDir.resolve("config.jelly")))
                .singleElement().asString().contains("missing help-dryRun.html for field 'dryRun'");
    }

    @Test
    void validationAndFillMethodsMustNameARealField() {
        assertThat(FormCheck.webMethodsNameRealFields(SampleStep.DescriptorImpl.class)).isEmpty();
        assertThat(FormCheck.webMethodsNameRealFields(SampleConfiguration.class)).isEmpty();
        assertThat(FormCheck.webMethodsNameRealFields(BrokenStep.DescriptorImpl.class))
                .singleElement().asString().contains("doCheckImgae names field 'imgae'");
    }

    @Test
    void viewInAFolderWithoutClassIsReported(@TempDir Path root) throws IOException {
        Path view = root.resolve("io/github/prismaregistry/jenkinsoffline/fixtures/RenamedStep/config.jelly");
        Files.createDirectories(view.getParent());
        Files.copy(Fixtures.FIXTURE_VIEWS.resolve("SampleStep/config.jelly"), view);

        List<String> problems = FormCheck.check(new PluginTree(root, getClass().getClassLoader()), view);

        assertThat(problems).singleElement().asString().contains("no class matches this view's folder");
    }

    private static PluginTree copyOfSampleViews(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.VIEWS)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(Fixtures.VIEWS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return new PluginTree(target, FormCheckTest.class.getClassLoader());
    }
}
