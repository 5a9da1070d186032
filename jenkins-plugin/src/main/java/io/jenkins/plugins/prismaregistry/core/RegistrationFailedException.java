package io.jenkins.plugins.prismaregistry.core;

/**
 * A registration failed and {@code failOnError} is on. The message is masked and meant for the build log as is;
 * the front end turns it into a build failure without a stack trace.
 */
public final class RegistrationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistrationFailedException(String message) {
        super(message);
    }
}
