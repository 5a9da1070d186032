package io.github.prismaregistry.api;

/** The Console's TLS certificate is not trusted (unknown CA, or it does not match the host name). */
public class UntrustedCertificateException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public UntrustedCertificateException(String message) {
        super(message);
    }

    public UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
