package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.RegistryLog;
import java.io.PrintStream;

/** The engine's log written to a build log in Jenkins' wording, with every line passed through the masker. */
public final class MaskingLog implements RegistryLog {

    private final PrintStream out;
    private final SecretMasker masker;

    public MaskingLog(PrintStream out, SecretMasker masker) {
        this.out = out;
        this.masker = masker;
    }

    @Override
    public void info(String message) {
        out.println(masker.mask(message));
    }

    @Override
    public void warn(String message) {
        out.println("WARNING: " + masker.mask(message));
    }
}
