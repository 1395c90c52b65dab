package org.kontor.host.web;

import io.javalin.Javalin;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server. Javalin 7 takes every route when it is created, so when a plugin is enabled or disabled
 * the host builds a new Javalin application and {@link #serve swaps} it in here: the Jetty server, its
 * port and open connections stay, requests already running finish on the old application, new requests
 * reach the new one. The process is never restarted.
 */
public final class WebServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final SwappableServlet front = new SwappableServlet();

    public WebServer(String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000);
        threads.setName("http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder("kontor", front), "/*");
        server.setHandler(context);
    }

    /** Starts listening; answers 503 until the first application is served. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the web server on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** Serves this (not started) Javalin application from now on. */
    public void serve(Javalin application) throws ServletException {
        Servlet servlet = application.javalinServlet();
        servlet.init(front.getServletConfig());
        Servlet previous = front.delegate.getAndSet(servlet);
        if (previous != null) {
            previous.destroy();
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the web server", e);
        }
    }

    /** Hands each request to the current application. */
    private static final class SwappableServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private final transient AtomicReference<Servlet> delegate = new AtomicReference<>();

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(Objects.requireNonNull(config));
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            Servlet current = delegate.get();
            if (current == null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Kontor is starting");
                return;
            }
            current.service(request, response);
        }
    }
}
