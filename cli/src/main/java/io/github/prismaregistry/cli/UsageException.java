package io.github.prismaregistry.cli;

/** A mistake on the command line, in the environment or in a file it names; exits with {@link ExitCode#USAGE}. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
