// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 45108298), core/src/main/java/hudson/util/FormValidation.java
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok(String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(Throwable e, String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(Throwable e, String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(Throwable e, String format, Object... args) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static @NonNull FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract String renderHtml();
}
