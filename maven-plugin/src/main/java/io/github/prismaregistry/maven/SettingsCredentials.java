package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.ConsoleCredentials;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the Console credentials: the settings.xml {@code <server>} named by {@code serverId} first, then the
 * environment. Passwords are never accepted as plain POM parameters because {@code -X} and effective-pom print those.
 */
final class SettingsCredentials {

    static final String ENV_USERNAME = "PRISMA_USERNAME";
    static final String ENV_PASSWORD = "PRISMA_PASSWORD";
    static final String ENV_TOKEN = "PRISMA_TOKEN";

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    SettingsCredentials(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    ResolvedCredentials resolve(String serverId) throws MojoFailureException {
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
        if (server != null) {
            boolean encrypted = isEncrypted(server.getPassword());
            ResolvedCredentials resolved = fromServer(decrypt(server));
            return encrypted ? resolved.asDecrypted() : resolved;
        }
        ResolvedCredentials fromEnvironment = fromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        throw new MojoFailureException("No Prisma Cloud Compute credentials found. Add a <server> with <id>" + serverId
                + "</id> to your settings.xml (<username> and <password> for a login or access key, or only <password>"
                + " for an API token; encrypt it with mvn --encrypt-password), choose another server with <serverId> /"
                + " -DprismaRegistry.serverId, or set the environment variables " + ENV_USERNAME + " and " + ENV_PASSWORD
                + " (or " + ENV_TOKEN + ").");
    }

    // Only the server we use is decrypted: a broken entry elsewhere in settings.xml must not fail this build.
    private Server decrypt(Server server) throws MojoFailureException {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() == SettingsProblem.Severity.ERROR
                    || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
                throw new MojoFailureException("Could not decrypt the password of settings.xml <server> '" + server.getId()
                        + "': " + whyDecryptionFailed(problem));
            }
        }
        return result.getServer();
    }

    /** One line in place of the cipher's exception chain, which says little to someone who only set a master password. */
    private static String whyDecryptionFailed(SettingsProblem problem) {
        StringBuilder chain = new StringBuilder(String.valueOf(problem.getMessage()));
        for (Throwable t = problem.getException(); t != null; t = t.getCause()) {
            chain.append(' ').append(t.getClass().getName()).append(' ').append(t.getMessage());
        }
        String text = chain.toString();
        String file = securityFile();
        if (text.contains("BadPaddingException") || text.contains("AEADBadTagException") || text.contains("bad key")) {
            return "the master password in " + file + " is probably not the one this password was encrypted with. Use the"
                    + " settings-security.xml it was encrypted with, or encrypt the password again with mvn --encrypt-password.";
        }
        if (text.contains("XmlPullParserException")) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("@(\\d+):(\\d+)").matcher(text);
            return file + " is not well-formed XML" + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "")
                    + ". It should read <settingsSecurity><master>{...}</master></settingsSecurity>, with the value that"
                    + " mvn --encrypt-master-password prints.";
        }
        if (text.contains("FileNotFoundException") || text.contains("NoSuchFileException")) {
            return file + " does not exist, and an encrypted password needs the master password kept there. Create it"
                    + " with mvn --encrypt-master-password, or point -Dsettings.security at the file.";
        }
        return "the master password in " + file + " or the password itself is not a valid encrypted value. Create the"
                + " master password with mvn --encrypt-master-password and the password with mvn --encrypt-password.";
    }

    private static String securityFile() {
        String configured = System.getProperty("settings.security");
        return configured == null || configured.isBlank() ? "~/.m2/settings-security.xml" : configured;
    }

    private static ResolvedCredentials fromServer(Server server) throws MojoFailureException {
        String source = "settings.xml <server> '" + server.getId() + "'";
        boolean hasUser = notBlank(server.getUsername());
        boolean hasPassword = notBlank(server.getPassword());
        if (hasUser && hasPassword) {
            return new ResolvedCredentials(ConsoleCredentials.usernamePassword(server.getUsername().trim(),
                    server.getPassword()), source);
        }
        if (hasPassword) {
            return new ResolvedCredentials(ConsoleCredentials.token(server.getPassword().trim()), source);
        }
        throw new MojoFailureException("The " + source + " has no <password>. Give it <username> and <password> for a login"
                + " (or SaaS access key ID and secret key), or only <password> holding an API token.");
    }

    private ResolvedCredentials fromEnvironment() throws MojoFailureException {
        String username = environment.get(ENV_USERNAME);
        String password = environment.get(ENV_PASSWORD);
        String token = environment.get(ENV_TOKEN);
        if (notBlank(username) && notBlank(password)) {
            return new ResolvedCredentials(ConsoleCredentials.usernamePassword(username.trim(), password),
                    "environment " + ENV_USERNAME + "/" + ENV_PASSWORD);
        }
        if (notBlank(token)) {
            return new ResolvedCredentials(ConsoleCredentials.token(token.trim()), "environment " + ENV_TOKEN);
        }
        if (notBlank(username) != notBlank(password)) {
            String missing = notBlank(username) ? ENV_PASSWORD : ENV_USERNAME;
            String present = notBlank(username) ? ENV_USERNAME : ENV_PASSWORD;
            throw new MojoFailureException(present + " is set but " + missing + " is not: set both, or set " + ENV_TOKEN
                    + " for an API token.");
        }
        return null;
    }

    /** Maven's notation for an encrypted value: the whole value in braces. */
    private static boolean isEncrypted(String password) {
        String p = password == null ? "" : password.trim();
        return p.length() > 2 && p.startsWith("{") && p.endsWith("}");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
