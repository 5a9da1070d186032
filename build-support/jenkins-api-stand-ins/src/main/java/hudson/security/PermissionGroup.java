// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @104dafee1d10), core/src/main/java/hudson/security/PermissionGroup.java
// (fields, the (String, Class, Localizable) constructor and the members other than those below left out: the type is here
//  because Permission's constructor takes it)
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Iterator;
import org.jvnet.localizer.Localizable;

public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    @SuppressWarnings("rawtypes")
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException("stand-in");
    }
}
