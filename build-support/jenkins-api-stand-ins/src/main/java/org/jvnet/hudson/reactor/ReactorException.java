// Compile-only stand-in of org.jenkins-ci:task-reactor (bundled by Jenkins 2.479.3; checked against jenkinsci/lib-task-reactor @0651aba6022f), src/main/java/org/jvnet/hudson/reactor/ReactorException.java
// (the type is here because the Jenkins constructor declares it in its throws clause)
package org.jvnet.hudson.reactor;

public class ReactorException extends Exception {
    ReactorException(Throwable cause) {
        super(cause);
    }
}
