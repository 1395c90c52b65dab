package org.kontor.testplugins.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.kontor.api.PluginContext;
import org.kontor.api.lifecycle.PluginService;
import org.pf4j.Extension;

/**
 * Answers every connection on a loopback port with "hello", for as long as the plugin runs; the port is
 * written to the file {@code port} in the plugin's data folder.
 */
@Extension
public class GreetingSocket implements PluginService {

    private final PluginContext context;
    private ServerSocket server;

    public GreetingSocket(PluginContext context) {
        this.context = context;
    }

    @Override
    public synchronized void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> serve(listening), "greeting-socket");
        acceptor.setDaemon(true);
        acceptor.start();
        Files.writeString(context.dataDir().resolve("port"), Integer.toString(server.getLocalPort()));
    }

    @Override
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(ServerSocket listening) {
        while (!listening.isClosed()) {
            try (Socket client = listening.accept(); OutputStream out = client.getOutputStream()) {
                out.write("hello\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return;
            }
        }
    }
}
