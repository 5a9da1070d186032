// Compile-only stand-in of org.jenkins-ci:symbol-annotation (structs 350.v3b_30f09f2363; checked against jenkinsci/structs-plugin @2efc80dc8266 and @a8456f82392c), annotation/src/main/java/org/jenkinsci/Symbol.java
// (@Indexed comes from the annotation-indexer stand-in, as that library is not on Maven Central; the two stored
//  versions differ: @2efc80dc has "String[] value();", @a8456f82 "String[] value() default {};" and which one the pinned release carries was not established, so the stricter one is kept: a value is required)
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

@Indexed
@Retention(RUNTIME)
@Target({TYPE})
@Documented
public @interface Symbol {
    String[] value();
}
