// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @e5ab7f47b81c and file 47477637438), core/src/main/java/hudson/BulkChange.java
package hudson;

import hudson.model.Saveable;
import java.io.Closeable;
import java.io.IOException;

public class BulkChange implements Closeable {
    public BulkChange(Saveable saveable) {
    }

    public void commit() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
