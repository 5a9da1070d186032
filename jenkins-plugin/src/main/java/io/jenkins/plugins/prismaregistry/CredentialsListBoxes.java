package io.jenkins.plugins.prismaregistry;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The credentials drop-down, with the permission checks of the credentials plugin's consumer guide. */
public final class CredentialsListBoxes {

    /** The two kinds of credentials that can log in to the Console. */
    static final CredentialsMatcher CONSOLE_LOGINS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private CredentialsListBoxes() {
    }

    /**
     * @param item the job being configured, or {@code null} on the global configuration page
     * @param current the value currently selected, kept so a save by a user who cannot list credentials keeps it
     */
    public static ListBoxModel forItem(Item item, String current) {
        String value = current == null ? "" : current;
        StandardListBoxModel model = new StandardListBoxModel();
        // Without these permissions, listing would leak which credentials exist.
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return model.includeCurrentValue(value);
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return model.includeCurrentValue(value);
        }
        return model.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2,
                        item, StandardCredentials.class, List.of(), CONSOLE_LOGINS)
                .includeCurrentValue(value);
    }
}
