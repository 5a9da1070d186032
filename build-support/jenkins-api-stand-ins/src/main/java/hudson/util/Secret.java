// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 101225460), core/src/main/java/hudson/util/Secret.java
// (fields, equals/hashCode, getCipher, ConverterImpl and the package-private Secret(String, byte[]) constructor left out)
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    /*package*/ Secret(String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    @Deprecated
    public String toString() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException("stand-in");
    }

    private static final long serialVersionUID = 1L;
}
