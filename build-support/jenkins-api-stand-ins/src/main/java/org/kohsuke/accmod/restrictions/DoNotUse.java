// Compile-only stand-in of org.kohsuke:access-modifier-annotation (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-access-modifier @6c26e19d9389), access-modifier-annotation/src/main/java/org/kohsuke/accmod/restrictions/DoNotUse.java
// (the checker callbacks are left out; Beta extends this class)
package org.kohsuke.accmod.restrictions;

import org.kohsuke.accmod.AccessRestriction;

public class DoNotUse extends AccessRestriction {
}
