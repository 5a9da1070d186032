package io.github.prismaregistry.jenkinsoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JellyViewTest {

    @Test
    void wellFormedViewWithKnownTaglibsHasNoProblems() throws IOException {
        JellyView view = JellyView.parse(Fixtures.JELLY.resolve("good.jelly"));

        assertThat(view.problems()).isEmpty();
    }

    @Test
    void bindingsIncludeInlineBlocksButNotFieldsOfNestedObjects() throws IOException {
        JellyView view = JellyView.parse(Fixtures.JELLY.resolve("good.jelly"));

        assertThat(view.bindings).extracting(JellyView.Binding::field)
                .containsExactly("credentialsId", "proxy", "advanced", "retries");
    }

    @Test
    void credentialsSelectTakesItsFieldFromTheEnclosingEntry() throws IOException {
        JellyView view = JellyView.parse(Fixtures.JELLY.resolve("good.jelly"));

        assertThat(view.filledFields).extracting(JellyView.Binding::field).containsExactly("credentialsId");
    }

    @Test
    void malformedXmlIsRejectedWithFileAndLine() {
        assertThatThrownBy(() -> JellyView.parse(Fixtures.JELLY.resolve("malformed.jelly")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("malformed.jelly:5")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void undeclaredTaglibPrefixIsRejected() {
        assertThatThrownBy(() -> JellyView.parse(Fixtures.JELLY.resolve("unbound-prefix.jelly")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() {
        assertThatThrownBy(() -> JellyView.parse(Fixtures.JELLY.resolve("doctype.jelly")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void misspelledTaglibNamespaceIsReported() throws IOException {
        JellyView view = JellyView.parse(Fixtures.JELLY.resolve("unknown-taglib.jelly"));

        assertThat(view.problems()).singleElement().asString()
                .contains("unknown taglib namespace '/lib/forms'");
    }

    @Test
    void viewWithoutEscapeByDefaultIsReported() throws IOException {
        JellyView view = JellyView.parse(Fixtures.JELLY.resolve("unescaped.jelly"));

        assertThat(view.problems()).singleElement().asString().contains("escape-by-default");
    }
}
