// Compile-only stand-in of org.jenkins-ci.main:jenkins-core:2.479.3, core/src/main/java/hudson/model/AbstractBuild.java
// (interfaces Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P, R> and RunWithSCM<P, R>, and all members but one constructor,
//  left out: present only as AbstractProject's type bound)
package hudson.model;

import java.io.IOException;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }
}
