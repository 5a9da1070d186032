// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/security/Permission.java
// (fields and constructors left out: the plugin only passes the constants declared by Jenkins, Item and CredentialsProvider)
package hudson.security;

public final class Permission {
    private Permission() {
    }
}
