// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 70285997), core/src/main/java/hudson/model/AbstractItem.java
// (interfaces HttpDeletable, DescriptorByNameOwner and StaplerProxy, and all members but the constructor, left out)
package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;

public abstract class AbstractItem extends Actionable implements Loadable, Item, AccessControlled {
    protected AbstractItem(ItemGroup parent, String name) {
    }
}
