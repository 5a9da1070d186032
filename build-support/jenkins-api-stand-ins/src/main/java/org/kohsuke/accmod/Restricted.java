// Compile-only stand-in of org.kohsuke:access-modifier-annotation (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-access-modifier @057d3026258d), access-modifier-annotation/src/main/java/org/kohsuke/accmod/Restricted.java
// (the real artifact is only on the Jenkins repository, so it is copied here; the checker that enforces it is not)
package org.kohsuke.accmod;

import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import org.jvnet.hudson.annotation_indexer.Indexed;

@Retention(CLASS)
@Documented
@Indexed
public @interface Restricted {
    Class<? extends AccessRestriction>[] value();
}
