package io.github.prismaregistry.console;

import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.InvalidRequestException;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TLS trust our client uses: the JDK's default trust, plus extra CA certificates when given, or (explicit opt-in
 * only) no verification at all. Nothing here changes JVM-wide settings.
 */
public final class TlsSetup {

    private static final Pattern PEM_CERT = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private final SSLContext sslContext;
    private final X509TrustManager trustManager;
    private final HostnameVerifier hostnameVerifier;

    private TlsSetup(SSLContext sslContext, X509TrustManager trustManager, HostnameVerifier hostnameVerifier) {
        this.sslContext = sslContext;
        this.trustManager = trustManager;
        this.hostnameVerifier = hostnameVerifier;
    }

    /** {@code null} when the JDK defaults apply unchanged. */
    public static TlsSetup of(ConsoleConnection c) throws InvalidRequestException {
        if (c.insecureSkipTlsVerify()) {
            return insecure();
        }
        ParameterNaming naming = c.naming();
        List<X509Certificate> extra = new ArrayList<>();
        if (c.caCertificateFile() != null) {
            extra.addAll(readFile(c.caCertificateFile(), naming));
        }
        if (c.caCertificatePem() != null) {
            extra.addAll(parsePem(c.caCertificatePem(), "the " + naming.spell(Parameters.CA_CERTIFICATE) + " text"));
        }
        if (extra.isEmpty()) {
            return null;
        }
        try {
            X509TrustManager jdk = trustManager(null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) {
                store.setCertificateEntry("extra-ca-" + i, extra.get(i));
            }
            X509TrustManager added = trustManager(store);
            X509TrustManager both = new EitherTrustManager(jdk, added);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{both}, null);
            return new TlsSetup(ctx, both, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readFile(Path file, ParameterNaming naming) throws InvalidRequestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("caCertificate", "cannot read the " + naming.spell(Parameters.CA_CERTIFICATE) + " file " + file + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); give the path of a readable PEM file holding the CA certificate of the console");
        }
        return parsePem(text, "the " + naming.spell(Parameters.CA_CERTIFICATE) + " file " + file);
    }

    /** Every {@code BEGIN CERTIFICATE} block of {@code pem}; text around the blocks is ignored. */
    public static List<X509Certificate> parsePem(String pem, String what) throws InvalidRequestException {
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = PEM_CERT.matcher(pem);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new InvalidRequestException("caCertificate", what + " holds a certificate that cannot be read ("
                    + e.getMessage() + "); it must be PEM (-----BEGIN CERTIFICATE----- ...)");
        }
        if (certs.isEmpty()) {
            throw new InvalidRequestException("caCertificate", what + " holds no PEM certificate; expected a block "
                    + "starting with -----BEGIN CERTIFICATE-----");
        }
        return certs;
    }

    private static TlsSetup insecure() {
        X509TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{all}, null);
            return new TlsSetup(ctx, all, (host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** {@code null} keeps OkHttp's host name check. */
    public HostnameVerifier hostnameVerifier() {
        return hostnameVerifier;
    }

    /** Trusts what the JDK trusts, or else what the extra CAs sign. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                try {
                    second.checkServerTrusted(chain, authType);
                } catch (CertificateException ignored) {
                    throw e;
                }
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
