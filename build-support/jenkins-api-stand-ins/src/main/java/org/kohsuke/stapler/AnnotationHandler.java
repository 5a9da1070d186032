// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @0461084c5d58), core/src/main/java/org/kohsuke/stapler/AnnotationHandler.java
// (parse and convert are left out: only InjectedParameter's attribute type and the handlers' supertype are needed)
package org.kohsuke.stapler;

import java.lang.annotation.Annotation;

public abstract class AnnotationHandler<T extends Annotation> {
}
