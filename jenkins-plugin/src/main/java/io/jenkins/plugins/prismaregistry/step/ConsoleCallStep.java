package io.jenkins.plugins.prismaregistry.step;

import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The arguments every Pipeline step of this plugin takes: the image, whether a failure fails the build, and the
 * Console to call when it is not the global one. Getters return {@code null} for unset values, so the Snippet
 * Generator prints only what was set.
 */
public abstract class ConsoleCallStep extends Step {

    private String image;
    private boolean failOnError = true;
    private String consoleUrl;
    private String credentialsId;

    /** The shared values as plain arguments; each step adds its own. */
    StepArguments toArguments() {
        return new StepArguments()
                .image(image)
                .failOnError(failOnError)
                .consoleUrl(consoleUrl)
                .credentialsId(credentialsId);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Strings.blankToNull(image);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public String getConsoleUrl() {
        return consoleUrl;
    }

    @DataBoundSetter
    public void setConsoleUrl(String consoleUrl) {
        this.consoleUrl = Strings.blankToNull(consoleUrl);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Strings.blankToNull(credentialsId);
    }
}
