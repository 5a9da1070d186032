// Compile-only stand-in of org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, core/src/main/java/org/kohsuke/stapler/verb/POST.java
// (its @InterceptorAnnotation(HttpVerbInterceptor.class) meta-annotation only matters to Stapler's dispatcher)
package org.kohsuke.stapler.verb;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Target(METHOD)
@Retention(RUNTIME)
@Documented
public @interface POST {
}
