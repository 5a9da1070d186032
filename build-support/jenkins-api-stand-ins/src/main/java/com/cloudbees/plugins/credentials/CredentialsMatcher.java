// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534, src/main/java/com/cloudbees/plugins/credentials/CredentialsMatcher.java
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {
    boolean matches(@NonNull Credentials item);
}
