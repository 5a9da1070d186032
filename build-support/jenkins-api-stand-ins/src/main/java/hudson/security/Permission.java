// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 848721279), core/src/main/java/hudson/security/Permission.java
// (fields, the public constructors and all methods but getEnabled left out: the plugin only passes the constants declared
//  by Jenkins, Item, Run and CredentialsProvider, and asks Run.ARTIFACTS whether it is enabled; the private two-argument
//  constructor is the one kept)
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public final class Permission {
    private Permission(@NonNull PermissionGroup group, @NonNull String name) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean getEnabled() {
        throw new UnsupportedOperationException("stand-in");
    }
}
