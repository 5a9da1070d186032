// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd, src/main/java/com/cloudbees/plugins/credentials/common/PasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {
    @NonNull
    Secret getPassword();
}
