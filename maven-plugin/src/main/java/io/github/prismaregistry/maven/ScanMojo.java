package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.parameters.Operation;
import io.github.prismaregistry.scan.ImageScanner;
import io.github.prismaregistry.scan.ScanRequest;
import io.github.prismaregistry.scan.ScanResult;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Has the Console scan the image on demand, waits for that very scan's result and gates the build on it. Bound to
 * {@code deploy} by default; listed after {@code register} in the same execution, it runs after it. A failed gate is a
 * build failure ({@code MojoFailureException}) naming the worst vulnerabilities; anything that kept the gate from
 * judging (Console, network, timeout, an image no registry entry covers) is an error ({@code MojoExecutionException}),
 * which {@code failOnError=false} turns into a warning. The reports go to {@code outputDirectory}.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ScanMojo extends ConsoleMojo {

    /** Offenders named in the failure message; the reports list them all. */
    static final int OFFENDERS_SHOWN = 5;

    /**
     * Lowest severity that fails the gate: {@code critical}, {@code high}, {@code medium}, {@code low}, or
     * {@code none} to report only. The Console's distro words count as their level ({@code important} is high).
     */
    @Parameter(property = "prismaRegistry.failOnSeverity", defaultValue = "critical")
    String failOnSeverity;

    /** Vulnerabilities without a fix do not fail the gate (they are still reported, with the reason). */
    @Parameter(property = "prismaRegistry.ignoreUnfixed", defaultValue = "false")
    String ignoreUnfixed;

    /** CVE IDs that never fail the gate; the property takes a comma separated list. */
    @Parameter(property = "prismaRegistry.ignoredVulnerabilities")
    List<String> ignoredVulnerabilities;

    /** Also fail on any vulnerability a rule of the Console itself blocks ({@code block: true}). */
    @Parameter(property = "prismaRegistry.failOnConsoleBlock", defaultValue = "true")
    String failOnConsoleBlock;

    /** Seconds to wait for the scan's result; then the goal stops with a timeout error (never a gate failure). */
    @Parameter(property = "prismaRegistry.scanTimeout", defaultValue = "900")
    String scanTimeout;

    /** Seconds between two looks at the scan's progress; at least 1. */
    @Parameter(property = "prismaRegistry.pollInterval", defaultValue = "10")
    String pollInterval;

    @Inject
    public ScanMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    Operation operation() {
        return Operation.SCAN;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        String consoleUrl = requireConsoleUrl();
        ScanRequest request = toRequest();
        ResolvedCredentials credentials = resolveCredentials();
        ConsoleConnection connection = connect(consoleUrl, credentials);
        getLog().debug("Scan: " + request.image() + (request.digest() == null ? "" : " " + request.digest())
                + ", " + request.policy());

        ScanResult result = null;
        try (ImageScanner scanner = ImageScanner.builder(connection).log(new MavenRegistryLog(getLog())).build()) {
            result = scanner.scan(request);
        } catch (PrismaRegistryException e) {
            fail(e, credentials);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        // The engine has logged the verdict table; say where the details are.
        for (Path file : result.reportFiles()) {
            getLog().info("  report: " + file);
        }
        if (!result.passed()) {
            throw new GateFailedException(gateFailure(result));
        }
    }

    /** The message of a failed gate: what failed, the worst offenders, where the rest is. */
    static String gateFailure(ScanResult result) {
        return result.gateFailureMessage(OFFENDERS_SHOWN)
                + (result.reportFiles().isEmpty() ? "" : ". Details: " + result.reportFiles().get(0));
    }

    /** The image (Jib's pushed digest when it comes from Jib's output) and the gate, as the catalogue read them. */
    ScanRequest toRequest() throws MojoFailureException {
        ScanRequest.Builder request = values.scanRequest();
        if (!hasExplicitImage()) {
            JibImageFile jib = pushedJibImage();
            if (jib == null) {
                throw noImage();
            }
            request.image(jib.image()).digest(jib.digest());
            if (jib.digest() != null) {
                getLog().info("Scanning the pushed digest " + jib.digest());
            }
        }
        return request.build();
    }
}
