// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/ItemGroup.java
// (supertype PersistenceRoot and the item-management members left out)
package hudson.model;

public interface ItemGroup<T extends Item> extends ModelObject {
    String getFullName();

    String getFullDisplayName();
}
