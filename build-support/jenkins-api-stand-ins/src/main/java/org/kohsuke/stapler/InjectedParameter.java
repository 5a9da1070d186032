// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @c0a3218ad326), core/src/main/java/org/kohsuke/stapler/InjectedParameter.java
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@Documented
public @interface InjectedParameter {
    Class<? extends AnnotationHandler> value();
}
