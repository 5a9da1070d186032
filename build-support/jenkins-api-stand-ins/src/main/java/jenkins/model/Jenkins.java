// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 2272924), core/src/main/java/jenkins/model/Jenkins.java
// (superclass AbstractCIBase is flattened into ItemGroup<TopLevelItem> and AccessControlled; most members left out)
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled, OnMaster {
    public static final Permission ADMINISTER = null;
    public static final Permission MANAGE = null;
    public static final Permission READ = null;

    public transient volatile ProxyConfiguration proxy;

    // The real constructor needs Jenkins' whole runtime; the plugin never creates a Jenkins.
    private Jenkins() {
    }

    public static @NonNull Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    public static @CheckForNull Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public @NonNull ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
