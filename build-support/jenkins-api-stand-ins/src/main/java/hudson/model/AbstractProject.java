// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/AbstractProject.java
// (interfaces BuildableItem, LazyBuildMixIn.LazyLoadingJob<P, R> and ParameterizedJobMixIn.ParameterizedJob<P, R>, and all
//  members but the constructor, left out: the plugin only names the type in BuildStepDescriptor.isApplicable)
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
