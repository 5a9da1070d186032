// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 848721279), core/src/main/java/hudson/security/Permission.java
// (fields, methods and the public constructors left out: the plugin only passes the constants declared by Jenkins, Item
//  and CredentialsProvider; the private two-argument constructor is the one kept)
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public final class Permission {
    private Permission(@NonNull PermissionGroup group, @NonNull String name) {
        throw new UnsupportedOperationException("stand-in");
    }
}
