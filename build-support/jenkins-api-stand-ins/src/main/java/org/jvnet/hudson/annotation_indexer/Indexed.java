// Compile-only stand-in of org.jenkins-ci:annotation-indexer (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-annotation-indexer @27d144c49c5d), src/main/java/org/jvnet/hudson/annotation_indexer/Indexed.java
// (the real library also ships the annotation processor that writes the index; nothing here processes anything)
package org.jvnet.hudson.annotation_indexer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {
    Class<? extends Validator>[] validators() default {};
}
