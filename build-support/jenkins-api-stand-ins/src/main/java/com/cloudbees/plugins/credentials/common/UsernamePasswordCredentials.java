// Compile-only stand-in of org.jenkins-ci.plugins:credentials:1415.v831096eb_5534, src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
