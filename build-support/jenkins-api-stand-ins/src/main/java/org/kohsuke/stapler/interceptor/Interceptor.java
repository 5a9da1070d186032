// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @2646b9aeca6a), core/src/main/java/org/kohsuke/stapler/interceptor/Interceptor.java
// (the target field, setTarget and invoke are left out: only InterceptorAnnotation's attribute type is needed)
package org.kohsuke.stapler.interceptor;

public abstract class Interceptor {
}
