// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 224642388 and file 9128366637), core/src/main/java/hudson/model/Result.java
// (its CustomExportedBean interface, its fields other than the five constants and its methods are left out; the constants
//  are null here, as the real ones are built by the private constructor, which only throws here)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = null;
    public static final @NonNull Result UNSTABLE = null;
    public static final @NonNull Result FAILURE = null;
    public static final @NonNull Result NOT_BUILT = null;
    public static final @NonNull Result ABORTED = null;

    private Result(@NonNull String name, @NonNull BallColor color, int ordinal, boolean complete) {
        throw new UnsupportedOperationException("stand-in");
    }

    private static final long serialVersionUID = 1L;
}
