// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @7924af5e8736), core/src/main/java/org/kohsuke/stapler/interceptor/Stage.java
package org.kohsuke.stapler.interceptor;

public enum Stage {
    SELECTION,
    PREINVOKE
}
