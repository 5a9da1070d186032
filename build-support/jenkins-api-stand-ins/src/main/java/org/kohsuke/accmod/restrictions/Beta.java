// Compile-only stand-in of org.kohsuke:access-modifier-annotation (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-access-modifier @c82ea685c18b), access-modifier-annotation/src/main/java/org/kohsuke/accmod/restrictions/Beta.java
// (its error callback is left out; a plugin may use a Beta element only with the build property useBeta=true)
package org.kohsuke.accmod.restrictions;

public class Beta extends DoNotUse {
}
