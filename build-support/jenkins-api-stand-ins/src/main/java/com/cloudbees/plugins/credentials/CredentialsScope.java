// Compile-only stand-in of org.jenkins-ci.plugins:credentials (1415.v831096eb_5534; checked against jenkinsci/credentials-plugin @a31a6f57c5b9), src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java
// (constant bodies left out; the abstract methods are plain abstract declarations here)
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER;
}
