// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534, src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();
}
