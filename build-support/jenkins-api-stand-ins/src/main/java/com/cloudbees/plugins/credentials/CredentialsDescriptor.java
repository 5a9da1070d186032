// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534, src/main/java/com/cloudbees/plugins/credentials/CredentialsDescriptor.java
// (its IconSpec interface and members left out)
package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor() {
    }
}
