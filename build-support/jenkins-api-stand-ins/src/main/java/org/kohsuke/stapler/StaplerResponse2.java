// Compile-only stand-in of org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {
}
