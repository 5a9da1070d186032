// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 224642388), core/src/main/java/hudson/model/Result.java
// (its CustomExportedBean interface and fields are left out)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = new Result();
    public static final @NonNull Result UNSTABLE = new Result();
    public static final @NonNull Result FAILURE = new Result();
    public static final @NonNull Result NOT_BUILT = new Result();
    public static final @NonNull Result ABORTED = new Result();

    private Result() {
    }


    private static final long serialVersionUID = 1L;
}
