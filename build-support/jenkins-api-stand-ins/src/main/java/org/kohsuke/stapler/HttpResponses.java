// Compile-only stand-in of org.kohsuke.stapler:stapler (1903.1905.ve5a_f469356f0; checked against jenkinsci/stapler @cf8d56796383), core/src/main/java/org/kohsuke/stapler/HttpResponses.java
package org.kohsuke.stapler;

import java.net.URL;

public class HttpResponses {
    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        public HttpResponseException() {
        }
    }

    public static HttpResponseException notFound() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static HttpResponse staticResource(URL resource) {
        throw new UnsupportedOperationException("stand-in");
    }
}
