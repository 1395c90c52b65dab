package org.kontor.plugins.epp.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Opens TLS connections to one endpoint: TLS 1.2 or 1.3 only, the server certificate checked against the
 * JVM's trust store and the host name, or against the one pinned certificate. The SSL context is built once.
 */
public final class EppTlsConnector {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final EppEndpoint endpoint;
    private final SSLContext context;

    public EppTlsConnector(EppEndpoint endpoint) {
        this.endpoint = endpoint;
        // Mutual TLS extension point: key managers built from endpoint.clientIdentity() go into init's first argument.
        if (!(endpoint.clientIdentity() instanceof EppClientIdentity.None)) {
            throw new IllegalArgumentException("client certificates are not supported yet");
        }
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(endpoint.trust()), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for " + endpoint, e);
        }
    }

    /** A connected socket whose handshake is complete. */
    public SSLSocket connect() throws EppSessionException {
        String where = endpoint.host() + ":" + endpoint.port();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(endpoint.host(), endpoint.port()),
                    (int) endpoint.timeouts().connect().toMillis());
        } catch (SocketTimeoutException e) {
            closeQuietly(plain);
            throw new EppTimeoutException("connecting to " + where + " timed out", e);
        } catch (IOException e) {
            closeQuietly(plain);
            throw new EppSessionException("cannot connect to " + where + ": " + e.getMessage(), e);
        }
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, endpoint.host(), endpoint.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(PROTOCOLS.stream()
                    .filter(Arrays.asList(socket.getSupportedProtocols())::contains).toArray(String[]::new));
            if (endpoint.trust() instanceof EppTrust.JvmDefault) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) endpoint.timeouts().greeting().toMillis());
            socket.startHandshake();
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket != null ? socket : plain);
            throw new EppTimeoutException("the TLS handshake with " + where + " timed out", e);
        } catch (SSLException e) {
            closeQuietly(socket != null ? socket : plain);
            throw new EppTlsException("the TLS handshake with " + where + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(socket != null ? socket : plain);
            throw new EppSessionException("the TLS connection to " + where + " failed: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(EppTrust trust) throws GeneralSecurityException {
        if (trust instanceof EppTrust.PinnedCertificate pinned) {
            return new TrustManager[] {new PinnedTrustManager(parse(pinned.pem()))};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers();
    }

    private static X509Certificate parse(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Accepts exactly one server certificate: the leaf must be the pinned one, byte for byte. */
    private static final class PinnedTrustManager implements X509TrustManager {
        private final X509Certificate pinned;

        PinnedTrustManager(X509Certificate pinned) {
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0 || !Arrays.equals(chain[0].getEncoded(), pinned.getEncoded())) {
                String presented = chain == null || chain.length == 0 ? "none" : fingerprint(chain[0]);
                throw new CertificateException("the server certificate (SHA-256 " + presented
                        + ") is not the pinned certificate (SHA-256 " + fingerprint(pinned) + ")");
            }
            pinned.checkValidity();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private static String fingerprint(X509Certificate certificate) throws CertificateException {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }
    }
}
