// Compile-only stand-in of org.jenkins-ci:symbol-annotation (structs 362.va_b_695ef4fdf9), annotation/src/main/java/org/jenkinsci/Symbol.java
// (its @Indexed meta-annotation from annotation-indexer, not on Maven Central, only feeds Jenkins' symbol index)
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({TYPE})
@Documented
public @interface Symbol {
    String[] value() default {};
}
