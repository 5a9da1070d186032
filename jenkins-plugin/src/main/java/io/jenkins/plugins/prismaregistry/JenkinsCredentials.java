package io.jenkins.plugins.prismaregistry;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.jenkins.plugins.prismaregistry.core.ConnectionAssembler;
import io.jenkins.plugins.prismaregistry.core.Strings;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Finds the Jenkins credentials that log in to the Console and turns them into the engine's credentials. */
final class JenkinsCredentials {

    static final String EXPECTED_TYPES = "'Username with password' (a Console user, or a SaaS access key ID and secret key)"
            + " or 'Secret text' (a Console API token)";

    private JenkinsCredentials() {
    }

    /** Looks the ID up as the build may use it (folder credentials included) and records the use. */
    static ConsoleCredentials forBuild(String credentialsId, Run<?, ?> run) throws InvalidRequestException {
        String id = requireId(credentialsId);
        StandardCredentials found = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
        if (found == null) {
            throw new InvalidRequestException("credentialsId", "No credentials with ID '" + id + "' are available to this"
                    + " build. Add them with Global scope to Jenkins or to the job's folder; expected " + EXPECTED_TYPES + ".");
        }
        ConsoleCredentials converted = convert(id, found);
        CredentialsProvider.track(run, found);
        return converted;
    }

    /** Looks the ID up among Jenkins' own credentials, for the "Test connection" button. */
    static ConsoleCredentials forGlobalConfiguration(String credentialsId) throws InvalidRequestException {
        String id = requireId(credentialsId);
        StandardCredentials found = lookupGlobal(id);
        if (found == null) {
            throw new InvalidRequestException("credentialsId", "No credentials with ID '" + id + "' exist in Jenkins'"
                    + " global credentials; expected " + EXPECTED_TYPES + ".");
        }
        return convert(id, found);
    }

    /** A hint when the credentials exist but builds may not use them, or {@code null}. */
    static String scopeWarning(String credentialsId) {
        String id = Strings.blankToNull(credentialsId);
        StandardCredentials found = id == null ? null : lookupGlobal(id);
        if (found != null && found.getScope() == CredentialsScope.SYSTEM) {
            return "But credentials '" + id + "' have System scope, which builds cannot use: change it to Global.";
        }
        return null;
    }

    private static StandardCredentials lookupGlobal(String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }

    private static String requireId(String credentialsId) throws InvalidRequestException {
        String id = Strings.blankToNull(credentialsId);
        if (id == null) {
            throw new InvalidRequestException("credentialsId", "No Console credentials are set. Choose them in "
                    + ConnectionAssembler.GLOBAL_SETTINGS_PAGE + " or pass credentialsId to the step; expected "
                    + EXPECTED_TYPES + ".");
        }
        return id;
    }

    private static ConsoleCredentials convert(String id, StandardCredentials credentials) throws InvalidRequestException {
        if (credentials instanceof StandardUsernamePasswordCredentials) {
            StandardUsernamePasswordCredentials login = (StandardUsernamePasswordCredentials) credentials;
            if (Strings.blankToNull(login.getUsername()) == null) {
                throw new InvalidRequestException("credentialsId", "Credentials '" + id + "' have an empty user name.");
            }
            return ConsoleCredentials.usernamePassword(login.getUsername(), Secret.toString(login.getPassword()));
        }
        if (credentials instanceof StringCredentials) {
            String token = Secret.toString(((StringCredentials) credentials).getSecret());
            if (token.isBlank()) {
                throw new InvalidRequestException("credentialsId", "Credentials '" + id + "' hold an empty secret text.");
            }
            return ConsoleCredentials.token(token);
        }
        throw new InvalidRequestException("credentialsId", "Credentials '" + id + "' are of type '"
                + credentials.getDescriptor().getDisplayName() + "', which cannot log in to the Console; expected "
                + EXPECTED_TYPES + ".");
    }
}
