// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @5f78dff0baae), core/src/main/java/org/kohsuke/stapler/AncestorInPath.java
// (HandlerImpl's parse method is left out, as in AnnotationHandler)
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.kohsuke.stapler.AncestorInPath.HandlerImpl;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
@InjectedParameter(HandlerImpl.class)
public @interface AncestorInPath {
    class HandlerImpl extends AnnotationHandler<AncestorInPath> {
    }
}
