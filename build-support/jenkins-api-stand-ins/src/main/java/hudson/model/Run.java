// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 17070336), core/src/main/java/hudson/model/Run.java
// (interfaces PersistenceRoot, DescriptorByNameOwner, StaplerProxy, HistoricalBuild and WithConsoleUrl, and most members,
//  left out)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;
import jenkins.util.io.OnMaster;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled, OnMaster {
    public static final Permission ARTIFACTS = null;

    protected Run(@NonNull JobT job) throws IOException {
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public @NonNull ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }
}
