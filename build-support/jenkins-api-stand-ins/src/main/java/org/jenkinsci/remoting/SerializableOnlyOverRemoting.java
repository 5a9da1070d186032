// Compile-only stand-in of org.jenkins-ci.main:remoting (bundled by Jenkins 2.479.3), src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
