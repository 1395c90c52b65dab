package org.kontor.plugins.sandbox.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLServerSocket;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.plugins.sandbox.tls.SelfSignedTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox EPP registry: TLS on a loopback port with a self-signed certificate, RFC 5734 frames, one plain
 * thread per connection. {@link #start()} binds a free port with a new certificate, {@link #start(SelfSignedTls, int)}
 * a given port with a given certificate; {@link #close()} stops accepting and
 * ends every open session;
 * the port is free again when it returns.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    /** The objects and extensions the greeting announces: the IETF ones, balance and the .dk profile's dkhm. */
    public static final ResponseWriter.Services SERVICES = new ResponseWriter.Services(
            List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, EppNamespaces.HOST),
            List.of(EppNamespaces.RGP, EppNamespaces.SEC_DNS, EppNamespaces.BALANCE, "urn:dkhm:params:xml:ns:dkhm-4.4",
                    "urn:dkhm:params:xml:ns:dkhm-4.5", "urn:dkhm:params:xml:ns:dkhm-domain-4.4"));

    private final SandboxSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final ResponseWriter writer;
    private final SandboxRegistry registry;
    private final SessionCounter sessions;
    private final AtomicLong transactions = new AtomicLong();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private SelfSignedTls tls;
    private ServerSocket listener;
    private Thread acceptor;

    /**
     * @param registry the registry state, built with the same settings
     * @param random the source of the fault draws
     */
    public SandboxServer(SandboxSettings settings, SandboxRegistry registry, ResponseWriter writer, Clock clock,
            RandomGenerator random) {
        this.settings = settings;
        this.registry = registry;
        this.writer = writer;
        this.clock = clock;
        this.random = random;
        this.sessions = new SessionCounter(settings.maxSessionsPerRegistrar());
    }

    /**
     * Makes a certificate, opens the registrars' accounts, puts the demo domains in place and starts accepting
     * connections on a free port.
     */
    public SandboxServer start() {
        return start(SelfSignedTls.create(clock.instant(), Duration.ofDays(30)), 0);
    }

    /**
     * Opens the registrars' accounts and starts accepting connections on the loopback interface.
     *
     * @param tls the key and certificate to serve
     * @param port the port to listen on, 0 for any free one
     */
    public synchronized SandboxServer start(SelfSignedTls tls, int port) {
        if (listener != null) {
            throw new IllegalStateException("the sandbox server is running already");
        }
        registry.openAccounts();
        registry.seedDemoDomains();
        this.tls = tls;
        SSLServerSocket socket = null;
        try {
            socket = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
            // a restart binds the configured port again while the old connections may still linger in TIME_WAIT
            socket.setReuseAddress(true);
            socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot listen on the loopback interface, port " + port, e);
        }
        acceptor = new Thread(this::accept, "sandbox-registry-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("sandbox registry listening on {}", listener.getLocalSocketAddress());
        return this;
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing an unbound listener", e);
            }
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The certificate made at start; clients trust it to connect. */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    private void accept() {
        ServerSocket socket = listener;
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                SandboxSession session = new SandboxSession(connection, settings, registry, writer, sessions, randomForSession(),
                        clock, () -> "SBX-" + transactions.incrementAndGet());
                Thread thread = new Thread(() -> {
                    try {
                        session.run();
                    } finally {
                        connections.remove(connection);
                        threads.remove(Thread.currentThread());
                    }
                }, "sandbox-registry-session");
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            } catch (SocketException e) {
                LOG.debug("the listener closed: {}", e.getMessage());
            } catch (IOException e) {
                LOG.warn("cannot accept a connection", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the listener", e);
        }
        // the JDK releases a listening socket only once the thread blocked in accept() has left it; waiting for
        // that thread frees the port before close returns, so a restart can bind it again at once
        try {
            acceptor.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("closing a connection", e);
            }
        }
        threads.forEach(Thread::interrupt);
    }

    /**
     * A generator of its own for each session, split from the server's on the accepting thread, because
     * sessions draw at the same time and the generators are not thread-safe.
     */
    private RandomGenerator randomForSession() {
        return random instanceof RandomGenerator.SplittableGenerator splittable ? splittable.split() : random;
    }
}
