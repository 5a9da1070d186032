// Compile-only stand-in of org.jenkins-ci.plugins:credentials (1415.v831096eb_5534; checked against jenkinsci/credentials-plugin @da790d241b81), src/main/java/com/cloudbees/plugins/credentials/Credentials.java
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
    @CheckForNull
    CredentialsScope getScope();

    @NonNull
    @Override
    CredentialsDescriptor getDescriptor();
}
