// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534, src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
// (its @Recommended/@NameWith metadata annotations and NameProvider left out)
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
