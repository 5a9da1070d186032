// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 2272924, jakarta era), core/src/main/java/jenkins/model/Jenkins.java
// (the real header is "extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback,
//  ModifiableViewGroup, AccessControlled, DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren,
//  OnMaster, Loadable"; here the superclass AbstractCIBase (extends Node) is left out and only the interfaces
//  ItemGroup<TopLevelItem> (from AbstractCIBase), AccessControlled and OnMaster are kept: StaplerProxy, StaplerFallback,
//  ViewGroup, DescriptorByNameOwner, DirectlyModifiableTopLevelItemGroup, ModifiableViewGroup, ModelObjectWithContextMenu,
//  ModelObjectWithChildren and Loadable are left out, as are most members; the constants are null here.
//  The constructor's ServletContext is jakarta.servlet.ServletContext, as in 2.475 and later. MANAGE carries
//  @Restricted(Beta.class) up to jenkinsci/jenkins pull 10183, merged in January 2025 after 2.479 branched; file 2272924
//  is from after that pull and no longer shows it.)
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.jvnet.hudson.reactor.ReactorException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled, OnMaster {
    public static final Permission ADMINISTER = null;
    @Restricted(Beta.class)
    public static final Permission MANAGE = null;
    public static final Permission READ = null;

    public transient volatile ProxyConfiguration proxy;

    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {
        throw new UnsupportedOperationException("stand-in");
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
