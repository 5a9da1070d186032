// Compile-only stand-in of org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);
}
