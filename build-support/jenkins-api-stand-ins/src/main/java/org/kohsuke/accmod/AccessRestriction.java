// Compile-only stand-in of org.kohsuke:access-modifier-annotation (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-access-modifier @6c26e19d9389), access-modifier-annotation/src/main/java/org/kohsuke/accmod/AccessRestriction.java
// (the checker callbacks and the NONE constant are left out: only Restricted's attribute type is needed)
package org.kohsuke.accmod;

public abstract class AccessRestriction {
}
