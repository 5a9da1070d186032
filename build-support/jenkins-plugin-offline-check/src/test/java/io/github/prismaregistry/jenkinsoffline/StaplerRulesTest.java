package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.jenkinsoffline.fixtures.BrokenNesting;
import io.github.prismaregistry.jenkinsoffline.fixtures.BrokenStep;
import io.github.prismaregistry.jenkinsoffline.fixtures.SampleConfiguration;
import io.github.prismaregistry.jenkinsoffline.fixtures.SampleStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaplerRulesTest {

    @Test
    void wellFormedStepDescriptorAndConfigurationPass() {
        assertThat(StaplerRules.check(SampleStep.class)).isEmpty();
        assertThat(StaplerRules.check(SampleStep.DescriptorImpl.class)).isEmpty();
        assertThat(StaplerRules.check(SampleConfiguration.class)).isEmpty();
    }

    @Test
    void nonPublicDataBoundConstructorIsReported() {
        assertThat(StaplerRules.check(BrokenStep.class))
                .anySatisfy(p -> assertThat(p).contains("@DataBoundConstructor must be public"));
    }

    @Test
    void dataBoundSettersMustBePublicOneArgumentSetX() {
        List<String> problems = StaplerRules.check(BrokenStep.class);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("setHidden: @DataBoundSetter must be public"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("replace: @DataBoundSetter must be named setX"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("replace: @DataBoundSetter must take exactly one parameter"));
    }

    @Test
    void extensionWithoutNoArgumentConstructorIsReported() {
        assertThat(StaplerRules.check(BrokenStep.DescriptorImpl.class))
                .anySatisfy(p -> assertThat(p).contains("needs a public no-argument constructor"));
    }

    @Test
    void webMethodRulesAreEnforcedOnDescriptors() {
        List<String> problems = StaplerRules.check(BrokenStep.DescriptorImpl.class);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("doTestConnection: acts on the server").contains("without @POST"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("doCheckImage: parameter 'value' is neither @QueryParameter nor @AncestorInPath"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("doFillTagItems: web methods must be public"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("doCheckTag: form validation must return hudson.util.FormValidation"));
    }

    @Test
    void abstractAndNonPublicExtensionsAreReported() throws ClassNotFoundException {
        assertThat(StaplerRules.check(BrokenNesting.AbstractExtension.class))
                .anySatisfy(p -> assertThat(p).contains("@Extension on an abstract type"));
        assertThat(StaplerRules.check(Class.forName(BrokenNesting.class.getName() + "$PackagePrivateExtension")))
                .anySatisfy(p -> assertThat(p).contains("@Extension class must be public"));
    }
}
