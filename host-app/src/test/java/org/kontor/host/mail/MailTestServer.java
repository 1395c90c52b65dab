package org.kontor.host.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A GreenMail SMTP server on a free local port that can be stopped and started again on that port. */
public final class MailTestServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final int port;
    private final GreenMailConfiguration configuration;
    private GreenMail greenMail;

    public MailTestServer(GreenMailConfiguration configuration) {
        this.port = freePort();
        this.configuration = configuration;
    }

    public MailTestServer() {
        this(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public int port() {
        return port;
    }

    public MailTestServer start() {
        greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP)).withConfiguration(configuration);
        greenMail.start();
        return this;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
