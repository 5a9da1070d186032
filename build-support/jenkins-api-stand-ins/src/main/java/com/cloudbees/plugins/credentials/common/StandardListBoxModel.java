// Compile-only stand-in of org.jenkins-ci.plugins:credentials (1415.v831096eb_5534; checked against jenkinsci/credentials-plugin @c3ee8ebe0bb1), src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    @NonNull
    @Override
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException("stand-in");
    }
}
