// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @070f74f667fd), core/src/main/java/hudson/model/LoadBalancer.java
// (members left out, the abstract map(Task, MappingWorksheet) included: the type is here because Queue's constructor takes it;
//  like the real class it declares no constructor, so it has the implicit public one)
package hudson.model;

import hudson.ExtensionPoint;

public abstract class LoadBalancer implements ExtensionPoint {
}
