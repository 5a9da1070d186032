// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 4702666 and file 47408053324), core/src/main/java/hudson/FilePath.java
// (members the plugin does not use left out: it names the type in SimpleBuildStep signatures and copies scan reports
// into a Pipeline step's workspace)
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void copyFrom(FilePath src) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}
