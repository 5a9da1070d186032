// Compile-only stand-in of org.jenkins-ci.plugins:plain-credentials (199.v9f8e1f741799; checked against jenkinsci/plain-credentials-plugin file 15018456621), src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
// (its @NameWith metadata annotation and NameProvider left out)
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
