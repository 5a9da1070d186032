// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 228344613 and jenkinsci/jenkins pull 2288, which dropped "final" in 2016: plugins subclass it), core/src/main/java/hudson/AbortException.java
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }

    private static final long serialVersionUID = 1L;
}
