// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/AbortException.java
package hudson;

import java.io.IOException;

public final class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }

    private static final long serialVersionUID = 1L;
}
