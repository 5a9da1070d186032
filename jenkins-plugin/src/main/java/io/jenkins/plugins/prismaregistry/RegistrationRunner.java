package io.jenkins.plugins.prismaregistry;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.RegistrationFailedException;
import io.jenkins.plugins.prismaregistry.core.RegistrationTask;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The one code path of the Pipeline steps and the freestyle build step. Runs on the controller. */
public final class RegistrationRunner {

    static final String USER_AGENT = "prisma-registry-jenkins/" + version();

    private RegistrationRunner() {
    }

    /**
     * @return the result map the Pipeline step returns
     * @throws AbortException when the call failed and {@code failOnError} is on; its message is the masked reason
     */
    public static Map<String, Object> run(Operation operation, StepArguments arguments, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException {
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        String credentialsId = Strings.firstNonBlank(arguments.credentialsId(), configuration.getCredentialsId());
        RegistrationTask task = new RegistrationTask(operation, arguments, configuration.toConnectionSettings(),
                configuration.isScanLater(), USER_AGENT);
        // Backups and results stay with the build, never in the console output.
        Path workDirectory = run.getRootDir().toPath().resolve(ResultFiles.DIRECTORY);
        PrismaRegistryRunAction.attachTo(run);
        try {
            return task.run(() -> JenkinsCredentials.forBuild(credentialsId, run), JenkinsProxy.current(),
                    workDirectory, listener.getLogger());
        } catch (RegistrationFailedException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private static String version() {
        String version = RegistrationRunner.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
