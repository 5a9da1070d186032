package io.github.prismaregistry.maven;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The scan gate judged the image and it failed: a policy failure, the build's own decision. {@code failOnError=false}
 * never turns it into a warning; errors that kept the gate from judging are {@code MojoExecutionException}s instead.
 */
final class GateFailedException extends MojoFailureException {

    private static final long serialVersionUID = 1L;

    GateFailedException(String message) {
        super(message);
    }
}
