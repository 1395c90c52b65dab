package org.kontor.plugins.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Currency;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.frame.EppFrames;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.sandbox.server.SandboxServer;

/**
 * A real EPP client over TLS, built with the epp-registry plugin's framing and codec, that trusts only the
 * sandbox's certificate and validates every frame it receives against the schema set.
 */
final class TestClient implements AutoCloseable {

    private static final Schema SCHEMAS = EppSchemas.dkhm();
    private static final Schema IETF = EppSchemas.rfc();

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EppFrames frames = EppFrames.withDefaultLimit();
    private final EppCommandEncoder encoder = new EppCommandEncoder();
    private final EppResponseDecoder decoder = new EppResponseDecoder(Currency.getInstance("DKK"));
    private final Greeting greeting;
    private int transactions;

    TestClient(SandboxServer server) {
        this(server.certificate(), server.port());
    }

    /** A client that trusts only the given certificate, on a loopback port. */
    TestClient(X509Certificate certificate, int port) {
        try {
            socket = (SSLSocket) trusting(certificate).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            in = socket.getInputStream();
            out = socket.getOutputStream();
            greeting = decoder.decodeGreeting(receive());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Greeting greeting() {
        return greeting;
    }

    EppResponse login(String clientId, String password) {
        return send(new Login(clientId, password, null, "en", greeting.objectUris(), greeting.extensionUris()));
    }

    /** Sends the command with a fresh clTRID. */
    EppResponse send(EppCommand command) {
        return send(command, "tx-" + (++transactions) + "-" + System.nanoTime());
    }

    EppResponse send(EppCommand command, String clTRID) {
        return decoder.decodeResponse(sendRaw(encoder.encode(command, ClientTransactionId.of(clTRID))));
    }

    Greeting hello() {
        return decoder.decodeGreeting(sendRaw(encoder.hello()));
    }

    /** Sends an XML text as it is and returns the answer, validated, as a document. */
    Answer xml(String xml) {
        return Answer.of(sendRaw(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends one frame as it is and returns the answer, validated. */
    byte[] sendRaw(byte[] frame) {
        try {
            frames.write(out, frame);
            return receive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the command and reads nothing. */
    void sendOnly(EppCommand command) throws IOException {
        frames.write(out, encoder.encode(command, ClientTransactionId.of("tx-" + (++transactions) + "-" + System.nanoTime())));
    }

    /** Writes a length header announcing {@code total} bytes and nothing else. */
    void announce(int total) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(total).array());
        out.flush();
    }

    /** Reads a frame without validating it. */
    byte[] receiveUnchecked() throws IOException {
        return frames.read(in);
    }

    /** True when the server has ended the connection: the next read finds the end of the stream. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    private byte[] receive() throws IOException {
        byte[] frame = frames.read(in);
        try {
            SCHEMAS.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(frame)));
            String text = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains("xmlns:dkhm") && !text.contains("xmlns:balance")) {
                // a frame of the generic profile holds nothing beyond the IETF schemas
                IETF.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(frame)));
            }
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError("not valid against the schema set: " + e.getMessage() + "\n"
                    + new String(frame, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        return frame;
    }

    private static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("sandbox", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the sandbox's certificate", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
