package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.RegistryLog;
import java.io.PrintWriter;

/** The engine's progress on standard error, so standard output holds only the summary or the JSON result. */
final class StderrLog implements RegistryLog {

    private final PrintWriter err;
    private final boolean verbose;

    StderrLog(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void info(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void debug(String message) {
        if (verbose) {
            err.println("debug: " + message);
            err.flush();
        }
    }
}
