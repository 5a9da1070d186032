// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 70285997), core/src/main/java/hudson/model/AbstractItem.java
// (interfaces other than Item left out)
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem(ItemGroup parent, String name) {
    }
}
