package io.jenkins.plugins.prismaregistry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.github.prismaregistry.simulator.CatalogueImage;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Points the global configuration at a console simulator, with a global Jenkins credential for its user. Needs a
 * running Jenkins, like the {@code *JenkinsTest} classes that use it.
 */
public final class SimulatorJenkinsFixture {

    public static final String CREDENTIALS_ID = "prisma";

    private SimulatorJenkinsFixture() {
    }

    public static void configure(JenkinsRule r, ConsoleSimulator simulator, String user, String password) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID, "", user, password));
        PrismaRegistryConfiguration configuration = PrismaRegistryConfiguration.get();
        configuration.setConsoleUrl(simulator.url());
        configuration.setCredentialsId(CREDENTIALS_ID);
        configuration.setRetries(0);
    }

    /** For the scan tests: the simulated registry holds {@link #CLEAN}, and {@link #VULNERABLE} with a critical CVE. */
    public static final String CLEAN = "registry.example.com/team/app:1.4.2";
    public static final String VULNERABLE = "registry.example.com/team/api:2.0.0";

    public static void addScanImages(ConsoleSimulator simulator) {
        simulator.addImage(CatalogueImage.of("registry.example.com", "team/app", "1.4.2"));
        simulator.addImage(CatalogueImage.of("registry.example.com", "team/api", "2.0.0")
                .withVulnerability(CatalogueImage.vulnerability("CVE-2024-3094", "critical", 10.0, "xz-utils", "5.6.0",
                        "fixed in 5.6.2")));
    }
}
