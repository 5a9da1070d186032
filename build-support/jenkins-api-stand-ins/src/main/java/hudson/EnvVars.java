// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 47558087019), core/src/main/java/hudson/EnvVars.java
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stand-in");
    }
}
