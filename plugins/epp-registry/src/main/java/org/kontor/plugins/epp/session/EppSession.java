package org.kontor.plugins.epp.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocket;
import org.kontor.plugins.epp.codec.EppCodecException;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.frame.EppFrames;
import org.kontor.plugins.epp.response.EppMessage;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in EPP session over TLS, with one command in flight at a time.
 *
 * <p>Every command carries a unique clTRID (generated, or the caller's idempotency key) and the answer must
 * echo it. A mismatching answer, a time-out or an I/O failure <em>poisons</em> the session: it is closed at
 * once and never used again, because a late answer would otherwise be taken for the next command's.
 *
 * <p>Result codes: on 2002 (the server lost the session) a retry-safe query is sent again once over a fresh
 * login; other commands are not resent and the session is closed. On 2500, 2501 and 2502 the server ends the
 * session; 2501 and 2502 also tell the {@link Listener} that the registrar's session limit may be reached.
 */
public final class EppSession implements AutoCloseable {

    /** Told about events that concern all sessions of the endpoint. */
    public interface Listener {
        /** The server answered 2502 (or 2501, which some registries send instead): open no sessions for a while. */
        void onSessionLimit(int code);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EppSession.class);

    private final EppEndpoint endpoint;
    private final EppTlsConnector connector;
    private final EppCommandEncoder encoder;
    private final EppResponseDecoder decoder;
    private final EppFrames frames;
    private final ClTridGenerator clTrids;
    private final TokenBucket rateLimit;
    private final Clock clock;
    private final Listener listener;

    private SSLSocket socket;
    private InputStream in;
    private OutputStream out;
    private Greeting greeting;
    private Login login;
    private boolean open;
    private boolean closed;
    private Instant lastActivity;
    private Instant loggedInAt;

    public EppSession(EppEndpoint endpoint, EppTlsConnector connector, EppCommandEncoder encoder,
            EppResponseDecoder decoder, ClTridGenerator clTrids, TokenBucket rateLimit, Clock clock, Listener listener) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.frames = new EppFrames(endpoint.maxFrameBytes());
        this.clTrids = Objects.requireNonNull(clTrids, "clTrids");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastActivity = clock.instant();
    }

    /**
     * Connects, reads the greeting and logs in with the object and extension URIs that both the greeting
     * offers and the endpoint supports.
     *
     * @throws EppLoginException when the server refuses the login
     */
    public synchronized void open() throws EppSessionException {
        if (open || closed) {
            throw new IllegalStateException("a session opens once");
        }
        connectAndLogin();
        open = true;
    }

    /** Sends the command with a generated clTRID. */
    public EppResponse execute(EppCommand command) throws EppSessionException {
        return execute(command, null);
    }

    /**
     * Sends the command and returns the server's answer, whatever its result code.
     *
     * @param clTRID the caller's transaction id (e.g. an operation's idempotency key), or null to generate one
     * @throws EppSessionException when no answer could be read; the session is then closed
     */
    public synchronized EppResponse execute(EppCommand command, ClientTransactionId clTRID) throws EppSessionException {
        Objects.requireNonNull(command, "command");
        if (command instanceof Login || command instanceof Logout) {
            throw new IllegalArgumentException("the session itself logs in and out");
        }
        requireUsable();
        EppResponse response = exchange(command, clTRID != null ? clTRID : clTrids.next());
        if (response.code() == 2002) {
            if (!EppRetryPolicy.isRetrySafe(command)) {
                poison("2002 on a " + name(command) + ", which is not resent");
                return response;
            }
            LOG.warn("EPP {}: 2002 '{}' on a {}; logging in again and resending it once", where(),
                    response.result().message(), name(command));
            closeConnection();
            try {
                connectAndLogin();
            } catch (EppSessionException e) {
                closed = true;
                throw e;
            }
            response = exchange(command, clTRID != null ? clTRID : clTrids.next());
            if (response.code() == 2002) {
                poison("2002 again after a fresh login");
                return response;
            }
        }
        endIfServerClosed(response);
        return response;
    }

    /** Sends {@code hello}, which keeps an idle session alive, and returns the greeting it answers. */
    public synchronized Greeting hello() throws EppSessionException {
        requireUsable();
        EppMessage message = send(encoder.hello(), endpoint.timeouts().commandDefault(), "hello");
        if (message instanceof Greeting answer) {
            return answer;
        }
        poison("a hello was not answered with a greeting");
        throw new EppSessionException("EPP " + where() + ": a hello was not answered with a greeting");
    }

    /** Whether commands can still be sent: open, not poisoned, not ended by the server, not closed. */
    public synchronized boolean isUsable() {
        return open && !closed;
    }

    /** When the last command or hello was answered (or the session was created). */
    public synchronized Instant lastActivity() {
        return lastActivity;
    }

    /** When the current login succeeded, or null before. */
    public synchronized Instant loggedInAt() {
        return loggedInAt;
    }

    /** The greeting of the current connection. */
    public synchronized Greeting greeting() {
        return greeting;
    }

    /** The object URIs of the current login. */
    public synchronized List<String> loginObjectUris() {
        return login == null ? List.of() : login.objectUris();
    }

    /** The extension URIs of the current login. */
    public synchronized List<String> loginExtensionUris() {
        return login == null ? List.of() : login.extensionUris();
    }

    /** Logs out (when still logged in) and closes the connection. Never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (open && socket != null) {
            try {
                EppResponse response = exchange(new Logout(), clTrids.next());
                LOG.debug("EPP {}: logout answered {}", where(), response.code());
            } catch (EppSessionException e) {
                LOG.debug("EPP {}: logout failed: {}", where(), e.getMessage());
            }
        }
        closeConnection();
    }

    private void connectAndLogin() throws EppSessionException {
        socket = connector.connect();
        try {
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        } catch (IOException e) {
            closeConnection();
            throw new EppSessionException("EPP " + where() + ": cannot open the streams", e);
        }
        EppMessage first = read(endpoint.timeouts().greeting(), "greeting");
        if (!(first instanceof Greeting offered)) {
            closeConnection();
            throw new EppSessionException("EPP " + where() + ": the server did not start with a greeting");
        }
        greeting = offered;
        login = login(offered);
        EppResponse response = exchange(login, clTrids.next());
        if (!response.isSuccess()) {
            closeConnection();
            if (response.code() == 2501 || response.code() == 2502) {
                listener.onSessionLimit(response.code());
            }
            throw new EppLoginException(response.code(), response.result().message());
        }
        loggedInAt = clock.instant();
        LOG.info("EPP {}: logged in as {} with {} and extensions {}", where(), endpoint.clientId(),
                login.objectUris(), login.extensionUris());
    }

    private Login login(Greeting offered) throws EppSessionException {
        List<String> objects = endpoint.objectUris().stream().filter(offered.objectUris()::contains).toList();
        List<String> extensions = endpoint.extensionUris().stream().filter(offered.extensionUris()::contains).toList();
        if (objects.isEmpty()) {
            closeConnection();
            throw new EppSessionException("EPP " + where() + ": the server offers none of the supported object URIs "
                    + endpoint.objectUris() + ", only " + offered.objectUris());
        }
        List<String> ignored = offered.extensionUris().stream().filter(uri -> !extensions.contains(uri)).toList();
        if (!ignored.isEmpty()) {
            LOG.info("EPP {}: not using the server's extensions {}", where(), ignored);
        }
        String language = offered.languages().contains(endpoint.language()) || offered.languages().isEmpty()
                ? endpoint.language() : offered.languages().get(0);
        return new Login(endpoint.clientId(), endpoint.password(), null, language, objects, extensions);
    }

    private EppResponse exchange(EppCommand command, ClientTransactionId clTRID) throws EppSessionException {
        byte[] frame;
        try {
            frame = encoder.encode(command, clTRID);
        } catch (EppCodecException e) {
            throw new EppSessionException("EPP " + where() + ": cannot encode a " + name(command), e);
        }
        EppMessage message = send(frame, endpoint.timeouts().forCommand(command), name(command));
        if (!(message instanceof EppResponse response)) {
            poison("a " + name(command) + " was answered with a greeting");
            throw new EppSessionException("EPP " + where() + ": a " + name(command) + " was answered with a greeting");
        }
        String echoed = response.transactionId() == null ? null : response.transactionId().clientTransactionId();
        // An answer without clTRID cannot be a late answer to an earlier command (they all carry one).
        if (echoed != null && !echoed.equals(clTRID.value())) {
            poison("clTRID mismatch");
            throw new EppSessionException("EPP " + where() + ": the answer to " + clTRID.value()
                    + " carries clTRID " + echoed + "; the session is closed");
        }
        return response;
    }

    private EppMessage send(byte[] frame, Duration timeout, String what) throws EppSessionException {
        try {
            rateLimit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EppSessionException("EPP " + where() + ": interrupted before sending a " + what, e);
        }
        try {
            frames.write(out, frame);
        } catch (IOException e) {
            poison("writing failed");
            throw new EppSessionException("EPP " + where() + ": sending a " + what + " failed: " + e.getMessage(), e);
        }
        return read(timeout, what);
    }

    private EppMessage read(Duration timeout, String what) throws EppSessionException {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            EppMessage message = decoder.decode(frames.read(in));
            lastActivity = clock.instant();
            return message;
        } catch (SocketTimeoutException e) {
            poison("no answer to a " + what + " within " + timeout);
            throw new EppTimeoutException("EPP " + where() + ": no answer to a " + what + " within " + timeout
                    + "; the session is closed", e);
        } catch (IOException | EppCodecException e) {
            poison("reading the answer to a " + what + " failed");
            throw new EppSessionException("EPP " + where() + ": reading the answer to a " + what + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void endIfServerClosed(EppResponse response) {
        int code = response.code();
        if (code == 2500 || code == 2501 || code == 2502) {
            LOG.warn("EPP {}: the server ends the session: {} {}", where(), code, response.result().message());
            closed = true;
            closeConnection();
            if (code != 2500) {
                listener.onSessionLimit(code);
            }
        }
    }

    private void requireUsable() throws EppSessionException {
        if (!open || closed) {
            throw new EppSessionException("EPP " + where() + ": the session is " + (closed ? "closed" : "not open"));
        }
    }

    private void poison(String reason) {
        LOG.warn("EPP {}: closing the session for good: {}", where(), reason);
        closed = true;
        closeConnection();
    }

    private void closeConnection() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }

    private String where() {
        return endpoint.host() + ":" + endpoint.port();
    }

    private static String name(EppCommand command) {
        return org.kontor.plugins.epp.command.Extended.unwrap(command).getClass().getSimpleName();
    }
}
