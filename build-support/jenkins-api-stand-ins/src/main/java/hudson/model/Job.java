// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 1606003), core/src/main/java/hudson/model/Job.java
// (interfaces StaplerOverridable, ModelObjectWithChildren and HasWidgets, and all members but the constructor, left out)
package hudson.model;

import hudson.ExtensionPoint;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem implements ExtensionPoint {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }
}
