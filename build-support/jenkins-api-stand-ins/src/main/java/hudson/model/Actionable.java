// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @2dd5cc5c974c), core/src/main/java/hudson/model/Actionable.java
// (superclass AbstractModelObject, interface ModelObjectWithContextMenu and the members other than those below left out;
//  like the real class it declares no constructor, so it has the implicit public one)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable {
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
