// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins file 23627147), core/src/main/java/hudson/ProxyConfiguration.java
package hudson;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import hudson.util.Secret;
import java.io.IOException;
import java.io.Serializable;

public final class ProxyConfiguration extends AbstractDescribableImpl<ProxyConfiguration> implements Saveable, Serializable {
    public final String name;
    public final int port;

    public ProxyConfiguration(String name, int port) {
        this.name = name;
        this.port = port;
    }

    public String getUserName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Secret getSecretPassword() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getPort() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getNoProxyHost() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    private static final long serialVersionUID = 1L;
}
