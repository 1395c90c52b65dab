package org.kontor.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A TCP relay in front of the sandbox that now and then cuts a connection at the moment the server's bytes
 * arrive, instead of passing them on. The sandbox's own faults all strike before a command is carried out;
 * this one strikes after: the registry has done the command (a create is committed and paid for at the
 * registry) but the client never hears of it. The relay sees only TLS records, so it may also cut a
 * handshake, a greeting or a login answer, which the client sees as a connection that failed.
 */
final class AnswerDroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final double dropShare;
    private final RandomGenerator random;
    private final AtomicInteger cuts = new AtomicInteger();

    /**
     * @param dropShare the share of the server's writes after which the connection is cut instead
     * @param random    decides each write; used under this relay's lock since it need not be thread-safe
     */
    AnswerDroppingProxy(int upstreamPort, double dropShare, RandomGenerator random) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.dropShare = dropShare;
        this.random = random;
        Thread acceptor = new Thread(this::accept, "answer-dropping-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were cut with the server's answer in flight. */
    int cuts() {
        return cuts.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                start("answer-dropping-proxy-up", () -> relay(client, server, false));
                start("answer-dropping-proxy-down", () -> relay(server, client, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket from, Socket to, boolean mayCut) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (mayCut && cut()) {
                    cuts.incrementAndGet();
                    return; // closing both sockets loses what the server just wrote
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; closing both ends the other direction too
        }
    }

    private synchronized boolean cut() {
        return random.nextDouble() < dropShare;
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
