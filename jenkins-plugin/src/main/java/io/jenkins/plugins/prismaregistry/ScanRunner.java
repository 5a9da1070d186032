package io.jenkins.plugins.prismaregistry;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.prismaregistry.core.Masking;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import io.jenkins.plugins.prismaregistry.core.ScanTask;
import io.jenkins.plugins.prismaregistry.core.SecretMasker;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.core.Strings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The one code path of {@code prismaRegistryScan} and the freestyle step's scan section. Runs on the controller. */
public final class ScanRunner {

    /** Folder in the workspace that receives a copy of the reports, for {@code junit} and {@code recordIssues}. */
    public static final String WORKSPACE_REPORTS = "prisma-registry";

    private ScanRunner() {
    }

    /**
     * @param workspace the step's workspace, or {@code null} outside {@code node}: the reports are then kept with the
     *                  build only
     * @return the result map the Pipeline step returns; {@code verdict: 'ERROR'} after an error with
     *     {@code failOnError: false}
     * @throws AbortException when the gate failed, or on an error with {@code failOnError} on; its message is the
     *     masked summary, and it has no cause, so Pipeline can store it as it is (docs/jenkins-pipeline-state.md)
     */
    public static Map<String, Object> run(StepArguments arguments, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        ScanTask.Outcome outcome;
        try {
            outcome = scan(arguments, run, workspace, listener);
        } catch (RuntimeException e) {
            throw Masking.rethrowable(e, new SecretMasker());
        } catch (IOException e) {
            throw Masking.rethrowable(e, new SecretMasker());
        }
        if (outcome.failsBuild()) {
            throw new AbortException(outcome.failure());
        }
        return outcome.result();
    }

    private static ScanTask.Outcome scan(StepArguments arguments, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        String credentialsId = Strings.firstNonBlank(arguments.credentialsId(), configuration.getCredentialsId());
        ScanTask task = new ScanTask(arguments, configuration.toConnectionSettings(), RegistrationRunner.USER_AGENT);
        Path workDirectory = run.getRootDir().toPath().resolve(ResultFiles.DIRECTORY);
        PrismaRegistryRunAction.attachTo(run);
        ScanTask.Outcome outcome = task.run(() -> JenkinsCredentials.forBuild(credentialsId, run), JenkinsProxy.current(),
                workDirectory, listener.getLogger());
        if (workspace != null && !outcome.reportFiles().isEmpty()) {
            // Also (and above all) when the gate failed: that is when the reports are read.
            FilePath target = workspace.child(WORKSPACE_REPORTS);
            target.mkdirs();
            for (Path report : outcome.reportFiles()) {
                target.child(report.getFileName().toString()).copyFrom(new FilePath(report.toFile()));
            }
            listener.getLogger().println("Scan reports copied to " + WORKSPACE_REPORTS + "/ in the workspace");
        }
        return outcome;
    }
}
