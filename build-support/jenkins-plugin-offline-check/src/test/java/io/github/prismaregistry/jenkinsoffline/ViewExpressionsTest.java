package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.jenkinsoffline.fixtures.SampleAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewExpressionsTest {

    private static final String FIXTURES = "io.github.prismaregistry.jenkinsoffline.fixtures.";

    @Test
    void propertiesOfTheOwnerAndOfLoopAndSetVariablesResolve() throws Exception {
        assertThat(ViewExpressions.check(Fixtures.JELLY.resolve("view-good.jelly"), SampleAction.class, FIXTURES)).isEmpty();
    }

    @Test
    void misspelledPropertiesUnknownMethodsAndRawOutputAreReported() throws Exception {
        List<String> problems = ViewExpressions.check(Fixtures.JELLY.resolve("view-bad.jelly"), SampleAction.class, FIXTURES);

        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("view-bad.jelly:4").contains("${row.nmae}")
                .contains("Row has no property 'nmae'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("<j:out> writes without escaping"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("<j:expr> writes without escaping"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("SampleAction has no property 'missing'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("SampleAction has no public method linked(...)"));
    }
}
