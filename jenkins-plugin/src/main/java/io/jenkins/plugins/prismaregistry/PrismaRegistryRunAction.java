package io.jenkins.plugins.prismaregistry;

import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.prismaregistry.core.CallSummary;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;

/**
 * "Prisma registry scan" on the build page: a line per call on the build's main page ({@code summary.jelly}), a table
 * of the calls behind it ({@code index.jelly}), the result files and the backups of the Console's settings taken
 * before each change. Backups list every registry entry of the Console, so they need the same permission as reading
 * the job's configuration. It stores nothing but its build (transient): the pages are read from the files.
 */
public final class PrismaRegistryRunAction implements RunAction2 {

    private transient Run<?, ?> run;

    /** Adds the action once per build, also when parallel branches call the step at the same time. */
    static void attachTo(Run<?, ?> run) {
        synchronized (PrismaRegistryRunAction.class) {
            if (run.getAction(PrismaRegistryRunAction.class) == null) {
                run.addAction(new PrismaRegistryRunAction());
            }
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "Prisma registry scan";
    }

    @Override
    public String getUrlName() {
        return "prisma-registry";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The calls of this build, oldest first, for the summary and the table; empty without permission. */
    public List<CallSummary> getCalls() throws IOException {
        if (!isResultsAllowed()) {
            return List.of();
        }
        return CallSummary.readAll(directory());
    }

    public List<String> getResultFiles() throws IOException {
        if (!isResultsAllowed()) {
            return List.of();
        }
        return ResultFiles.list(directory()).stream().filter(name -> !ResultFiles.isBackupFile(name)).toList();
    }

    public List<String> getBackupFiles() throws IOException {
        if (!isBackupAllowed()) {
            return List.of();
        }
        return ResultFiles.list(directory()).stream().filter(ResultFiles::isBackupFile).toList();
    }

    /**
     * These files are build output like archived artifacts, so an administrator who turned on Run/Artifacts
     * ({@code hudson.security.ArtifactsPermission}) expects them hidden without it, as core hides artifacts. That
     * permission is off by default, and then (as in core) it must not be asked: nobody would hold it.
     */
    public boolean isResultsAllowed() {
        return !Run.ARTIFACTS.getEnabled() || run.hasPermission(Run.ARTIFACTS);
    }

    public boolean isBackupAllowed() {
        return isResultsAllowed() && run.getParent().hasPermission(Item.EXTENDED_READ);
    }

    /** Relative link to a file of the folder, for the page. */
    public String downloadQuery(String file) {
        return "download?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8);
    }

    /** Serves one file of the folder; only names that are listed there are accepted. */
    public HttpResponse doDownload(@QueryParameter String file) throws IOException {
        // Permissions first, so that a 404 tells nobody which backups exist.
        if (Run.ARTIFACTS.getEnabled()) {
            run.checkPermission(Run.ARTIFACTS);
        }
        if (file != null && ResultFiles.isBackupFile(file)) {
            run.getParent().checkPermission(Item.EXTENDED_READ);
        }
        Path path = ResultFiles.find(directory(), file);
        if (path == null) {
            throw HttpResponses.notFound();
        }
        return HttpResponses.staticResource(path.toUri().toURL());
    }

    private Path directory() {
        return run.getRootDir().toPath().resolve(ResultFiles.DIRECTORY);
    }
}
