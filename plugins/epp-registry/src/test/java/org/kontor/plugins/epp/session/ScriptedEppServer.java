package org.kontor.plugins.epp.session;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.kontor.plugins.epp.frame.EppFrames;

/**
 * A loopback TLS server speaking real EPP frames. Connection n runs script n (the last script for any
 * further connection); every frame received is recorded for the test's assertions.
 */
public final class ScriptedEppServer implements AutoCloseable {

    /** What the server does on one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Connection connection) throws Exception;
    }

    /** The .dk registry's own greeting (from its specification). */
    public static final String GREETING = resource("/epp/xml/dkhm-spec/line-1762.xml");

    private static final Pattern CLTRID = Pattern.compile("<(?:\\w+:)?clTRID>([^<]*)</");
    private static final Pattern HELLO = Pattern.compile("<(?:\\w+:)?hello\\s*/?>");
    private static final Pattern COMMAND = Pattern.compile("<(?:\\w+:)?command>\\s*<(?:\\w+:)?(\\w+)");

    private final SSLServerSocket serverSocket;
    private final List<Script> scripts;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedEppServer(String keyStore, Script... scripts) throws Exception {
        this.scripts = List.of(scripts);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = ScriptedEppServer.class.getResourceAsStream("/epp/tls/" + keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-epp-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server with the test certificate that the client pins. */
    public static ScriptedEppServer start(Script... scripts) throws Exception {
        return new ScriptedEppServer("server.p12", scripts);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    public Connection connection(int index) {
        return connections.get(index);
    }

    /** Failures of the scripts themselves (a wrong frame where the script expected another). */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Connection connection : connections) {
            connection.socket.close();
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) serverSocket.accept();
                Script script = scripts.get(Math.min(connections.size(), scripts.size() - 1));
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread worker = new Thread(() -> {
                    try (socket) {
                        script.run(connection);
                    } catch (Exception e) {
                        if (!(e instanceof EOFException || e instanceof SocketException || e instanceof javax.net.ssl.SSLException)) {
                            failures.add(e);
                        }
                    }
                }, "scripted-epp-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    public static String response(int code, String message, String clTRID) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"" + code + "\"><msg>"
                + message + "</msg></result><trID>" + (clTRID == null ? "" : "<clTRID>" + clTRID + "</clTRID>")
                + "<svTRID>SV-" + code + "</svTRID></trID></response></epp>";
    }

    private static String resource(String path) {
        try (InputStream in = ScriptedEppServer.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A frame the client sent, with its command name ({@code hello} for a hello) and clTRID. */
    public record Frame(String xml, String command, String clTRID) {

        static Frame of(String xml) {
            Matcher command = COMMAND.matcher(xml);
            Matcher clTRID = CLTRID.matcher(xml);
            String name = command.find() ? command.group(1) : HELLO.matcher(xml).find() ? "hello" : "?";
            return new Frame(xml, name, clTRID.find() ? clTRID.group(1) : null);
        }

        public List<String> all(String element) {
            Matcher matcher = Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</").matcher(xml);
            List<String> values = new ArrayList<>();
            while (matcher.find()) {
                values.add(matcher.group(1));
            }
            return values;
        }
    }

    /** One accepted client connection. */
    public static final class Connection {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;
        private final EppFrames frames = EppFrames.withDefaultLimit();
        private final List<Frame> received = new CopyOnWriteArrayList<>();
        private volatile boolean ended;

        Connection(SSLSocket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        public List<Frame> received() {
            return List.copyOf(received);
        }

        public List<String> commands() {
            return received.stream().map(Frame::command).toList();
        }

        /** Whether the client closed the connection (or the script ended it). */
        public boolean ended() {
            return ended;
        }

        public void send(String xml) throws IOException {
            frames.write(out, xml.getBytes(StandardCharsets.UTF_8));
        }

        public void greet() throws IOException {
            send(GREETING);
        }

        public Frame read() throws IOException {
            try {
                Frame frame = Frame.of(new String(frames.read(in), StandardCharsets.UTF_8));
                received.add(frame);
                return frame;
            } catch (IOException e) {
                ended = true;
                throw e;
            }
        }

        public void respond(Frame to, int code, String message) throws IOException {
            send(response(code, message, to.clTRID()));
        }

        /** Greets and accepts the login. */
        public void greetAndLogin() throws IOException {
            greet();
            Frame login = read();
            if (!login.command().equals("login")) {
                throw new IllegalStateException("expected a login, got " + login.command());
            }
            respond(login, 1000, "Command completed successfully");
        }

        /** Answers hello with the greeting, logout with 1500 (then ends), anything else with 1000, until the end. */
        public void serve() throws IOException {
            while (true) {
                Frame frame = read();
                switch (frame.command()) {
                    case "hello" -> greet();
                    case "logout" -> {
                        respond(frame, 1500, "Command completed successfully; ending session");
                        ended = true;
                        return;
                    }
                    default -> respond(frame, 1000, "Command completed successfully");
                }
            }
        }

        /** Reads until the client closes the connection, answering nothing. */
        public void drain() throws IOException {
            while (true) {
                read();
            }
        }
    }
}
