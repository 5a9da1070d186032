package io.jenkins.plugins.prismaregistry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
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
}
