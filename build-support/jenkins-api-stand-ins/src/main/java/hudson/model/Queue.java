// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/Queue.java
// (superclass ResourceController, Saveable and all members except the nested Task type left out;
//  Task's supertypes FullyNamedModelObject and SubTask are reduced to ModelObject)
package hudson.model;

public class Queue {
    private Queue() {
    }

    public interface Task extends ModelObject {
    }
}
