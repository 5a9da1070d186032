package io.jenkins.plugins.prismaregistry;

import hudson.util.FormValidation;
import io.jenkins.plugins.prismaregistry.core.ConsoleUrlCheck;

/** Turns the Jenkins-free check outcomes into form messages. */
final class FormValidations {

    private FormValidations() {
    }

    static FormValidation of(ConsoleUrlCheck.Outcome outcome) {
        switch (outcome.level()) {
            case ERROR:
                return FormValidation.error(outcome.message());
            case WARNING:
                return FormValidation.warning(outcome.message());
            default:
                return FormValidation.ok();
        }
    }
}
