package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.scan.ImageNotCoveredException;
import io.github.prismaregistry.scan.ScanTimeoutException;
import picocli.CommandLine;

/**
 * The documented exit codes. A script can always tell "vulnerable" (1) from "could not check" (3, 4), and both from
 * "called wrongly" (2).
 */
public final class ExitCode {

    /** Success, or the gate passed. */
    public static final int OK = 0;
    /** The gate failed on policy. */
    public static final int POLICY_FAILED = 1;
    /** Usage or configuration error: fix the command line, the environment or a file it names. */
    public static final int USAGE = 2;
    /** The scan did not finish within the scan timeout. */
    public static final int SCAN_TIMEOUT = 3;
    /** The Console could not be reached, refused the credentials, or answered with an error. */
    public static final int CONSOLE_ERROR = 4;

    private ExitCode() {
    }

    /** The exit code for an error that ended a command. */
    static int of(Throwable error) {
        // An image nobody registered is the pipeline's configuration: it lacks the register step.
        if (error instanceof UsageException || error instanceof InvalidRequestException
                || error instanceof CommandLine.ParameterException || error instanceof ImageNotCoveredException) {
            return USAGE;
        }
        if (error instanceof ScanTimeoutException) {
            return SCAN_TIMEOUT;
        }
        // Everything else, bugs included, means "could not check": never 1, which says "vulnerable".
        return CONSOLE_ERROR;
    }
}
