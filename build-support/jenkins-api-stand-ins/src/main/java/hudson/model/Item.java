// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @e3ac60afd9b6), core/src/main/java/hudson/model/Item.java
// (supertypes PersistenceRoot and SearchableModelObject are left out, SearchableModelObject's own supertype ModelObject is
//  named directly instead; most members left out; constants are null here)
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

public interface Item extends ModelObject, AccessControlled, OnMaster {
    ItemGroup<? extends Item> getParent();

    String getName();

    String getFullName();

    String getFullDisplayName();

    Permission CONFIGURE = null;
    Permission READ = null;
    Permission EXTENDED_READ = null;
}
