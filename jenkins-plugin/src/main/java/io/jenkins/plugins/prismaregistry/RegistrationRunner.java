package io.jenkins.plugins.prismaregistry;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.prismaregistry.core.Masking;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.RegistrationTask;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import io.jenkins.plugins.prismaregistry.core.SecretMasker;
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
     * @return what the Pipeline step returns: the result map, or for {@code images} a list with one per image
     * @throws AbortException when the call failed and {@code failOnError} is on; its message is the masked reason.
     *     Like every exception thrown here it has neither a cause nor a class of the bundled engine jar, so Pipeline
     *     stores it as it is (docs/jenkins-pipeline-state.md).
     */
    public static Object run(Operation operation, StepArguments arguments, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException {
        try {
            return runPlain(operation, arguments, run, listener);
        } catch (RuntimeException e) {
            throw Masking.rethrowable(e, new SecretMasker());
        } catch (IOException e) {
            throw Masking.rethrowable(e, new SecretMasker());
        }
    }

    private static Object runPlain(Operation operation, StepArguments arguments, Run<?, ?> run,
            TaskListener listener) throws IOException, InterruptedException {
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        String credentialsId = Strings.firstNonBlank(arguments.credentialsId(), configuration.getCredentialsId());
        RegistrationTask task = new RegistrationTask(operation, arguments, configuration.toConnectionSettings(), USER_AGENT);
        // Backups and results stay with the build, never in the console output.
        Path workDirectory = run.getRootDir().toPath().resolve(ResultFiles.DIRECTORY);
        PrismaRegistryRunAction.attachTo(run);
        RegistrationTask.CredentialsSource credentials = () -> JenkinsCredentials.forBuild(credentialsId, run);
        return arguments.images().isEmpty()
                ? task.runForJenkins(credentials, JenkinsProxy.current(), workDirectory, listener.getLogger())
                : task.runAllForJenkins(credentials, JenkinsProxy.current(), workDirectory, listener.getLogger());
    }

    private static String version() {
        String version = RegistrationRunner.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
