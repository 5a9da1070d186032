// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 127419993), core/src/main/java/hudson/model/TaskListener.java
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();


    @NonNull
    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    default PrintWriter fatalError(String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    TaskListener NULL = null;
}
