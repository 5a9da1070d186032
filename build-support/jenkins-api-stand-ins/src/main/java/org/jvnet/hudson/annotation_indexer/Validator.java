// Compile-only stand-in of org.jenkins-ci:annotation-indexer (as bundled by Jenkins 2.479.3; checked against jenkinsci/lib-annotation-indexer @27d144c49c5d), src/main/java/org/jvnet/hudson/annotation_indexer/Validator.java
// (its one method, which checks an indexed element at compile time, is left out)
package org.jvnet.hudson.annotation_indexer;

public interface Validator {
}
