// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @10df082fe89d), core/src/main/java/org/kohsuke/stapler/verb/HttpVerbInterceptor.java
// (invoke is left out, as in Interceptor)
package org.kohsuke.stapler.verb;

import org.kohsuke.stapler.interceptor.Interceptor;

public class HttpVerbInterceptor extends Interceptor {
}
