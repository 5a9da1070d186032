// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 88179970, StaplerRequest2 era), core/src/main/java/hudson/model/Queue.java
// (superclass ResourceController and all members except the constructor, save() and the nested Task type left out;
//  Task's supertypes FullyNamedModelObject and SubTask are reduced to ModelObject, and Task's members are left out)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public class Queue implements Saveable {
    public Queue(@NonNull LoadBalancer loadBalancer) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    public interface Task extends ModelObject {
    }
}
