package io.jenkins.plugins.prismaregistry;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.github.prismaregistry.api.ProxySettings;
import io.jenkins.plugins.prismaregistry.core.ProxyMapping;
import jenkins.model.Jenkins;

/** Jenkins' own HTTP proxy (Manage Jenkins > Plugins > Advanced settings), applied to our client only. */
final class JenkinsProxy {

    private JenkinsProxy() {
    }

    /** The proxy, or {@code null} when Jenkins has none. */
    static ProxySettings current() {
        ProxyConfiguration proxy = Jenkins.get().proxy;
        if (proxy == null) {
            return null;
        }
        return ProxyMapping.fromJenkins(proxy.getName(), proxy.getPort(), proxy.getUserName(),
                Secret.toString(proxy.getSecretPassword()), proxy.getNoProxyHost());
    }
}
