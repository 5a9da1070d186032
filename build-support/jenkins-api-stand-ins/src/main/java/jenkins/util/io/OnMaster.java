// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/jenkins/util/io/OnMaster.java
package jenkins.util.io;

public interface OnMaster {
}
