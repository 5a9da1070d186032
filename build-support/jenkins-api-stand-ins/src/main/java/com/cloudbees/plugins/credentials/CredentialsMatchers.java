// Compile-only stand-in of org.jenkins-ci.plugins:credentials (1415.v831096eb_5534; checked against jenkinsci/credentials-plugin @27d545586797, file 17550177967), src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {
    private CredentialsMatchers() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static CredentialsMatcher allOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stand-in");
    }
}
