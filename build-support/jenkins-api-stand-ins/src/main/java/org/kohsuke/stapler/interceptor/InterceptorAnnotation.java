// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler file 27366686737), core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
package org.kohsuke.stapler.interceptor;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Target(ANNOTATION_TYPE)
@Retention(RUNTIME)
@Documented
public @interface InterceptorAnnotation {
    Class<? extends Interceptor> value();

    Stage stage() default Stage.PREINVOKE;
}
