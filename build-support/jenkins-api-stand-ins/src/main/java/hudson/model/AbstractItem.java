// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/AbstractItem.java
// (superclass Actionable and the other interfaces left out)
package hudson.model;

public abstract class AbstractItem implements Item {
    protected AbstractItem(ItemGroup parent, String name) {
    }
}
