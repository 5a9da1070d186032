// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/jenkins/YesNoMaybe.java
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("stand-in");
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException("stand-in");
    }
}
