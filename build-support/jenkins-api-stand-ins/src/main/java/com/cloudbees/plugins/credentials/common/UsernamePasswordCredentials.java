// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd, src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
