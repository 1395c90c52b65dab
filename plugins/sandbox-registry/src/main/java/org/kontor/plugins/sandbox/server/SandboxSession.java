package org.kontor.plugins.sandbox.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.frame.EppFrameException;
import org.kontor.plugins.epp.frame.EppFrames;
import org.kontor.plugins.sandbox.protocol.CommandParser;
import org.kontor.plugins.sandbox.protocol.EppRequest;
import org.kontor.plugins.sandbox.protocol.EppRequestException;
import org.kontor.plugins.sandbox.protocol.EppResponse;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.protocol.ResultCode;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.settings.CommandFault;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served on its own thread: the greeting, then frame after frame until logout, an
 * error that ends the session, the idle timeout or a dropped connection. It applies the .dk session rules.
 */
final class SandboxSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSession.class);

    /** Sent instead of an answer by the malformed-frame fault. */
    private static final byte[] MALFORMED = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result"
            .getBytes(StandardCharsets.UTF_8);

    private final Socket socket;
    private final SandboxSettings settings;
    private final SandboxRegistry registry;
    private final ResponseWriter writer;
    private final SessionCounter sessions;
    private final RandomGenerator random;
    private final Clock clock;
    private final Supplier<String> serverTransactionIds;
    private final EppFrames frames;
    private final CommandParser parser = new CommandParser();
    private final Map<Integer, Integer> errorsByCode = new HashMap<>();
    private String registrar;

    SandboxSession(Socket socket, SandboxSettings settings, SandboxRegistry registry, ResponseWriter writer,
            SessionCounter sessions, RandomGenerator random, Clock clock, Supplier<String> serverTransactionIds) {
        this.socket = socket;
        this.settings = settings;
        this.registry = registry;
        this.writer = writer;
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
        this.serverTransactionIds = serverTransactionIds;
        this.frames = new EppFrames(settings.maxFrameBytes());
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(Math.toIntExact(settings.idleTimeout().toMillis()));
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            frames.write(out, writer.greeting(clock.instant()));
            boolean open = true;
            while (open) {
                open = serve(frames.read(in), out);
            }
        } catch (EOFException e) {
            LOG.debug("the client closed the session");
        } catch (EppFrameException e) {
            LOG.info("ending a session on a bad frame: {}", e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.info("ending an idle session");
        } catch (IOException e) {
            LOG.debug("the session ended: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (registrar != null) {
                sessions.close(registrar);
            }
        }
    }

    /** Serves one frame; false when the session ends. */
    private boolean serve(byte[] frame, OutputStream out) throws IOException, InterruptedException {
        EppRequest request;
        try {
            request = parser.parse(frame);
        } catch (EppRequestException e) {
            return answer(out, e.code().code(),
                    writer.response(EppResponse.failure(e.code(), e.getMessage(), e.clTRID(), svTRID())), e.clTRID());
        }
        CommandFault fault = settings.fault(request.name());
        if (!fault.delay().isZero()) {
            Thread.sleep(fault.delay().toMillis());
        }
        switch (fault.outcome(random.nextDouble())) {
            case DROP:
                return false;
            case ERROR:
                frames.write(out, writer.response(EppResponse.of(ResultCode.COMMAND_FAILED, request.clTRID(), svTRID())));
                return true;
            case HANG:
                Thread.sleep(settings.idleTimeout().toMillis());
                return false;
            case MALFORMED:
                frames.write(out, MALFORMED);
                return true;
            default:
                return execute(request, out);
        }
    }

    private boolean execute(EppRequest request, OutputStream out) throws IOException {
        String clTRID = request.clTRID();
        if (request.isHello()) {
            frames.write(out, writer.greeting(clock.instant()));
            return true;
        }
        if (request.command() instanceof Login login) {
            return login(login, clTRID, out);
        }
        if (registrar == null) {
            return fail(out, ResultCode.USE_ERROR, "log in first", clTRID);
        }
        if (request.command() instanceof Logout) {
            frames.write(out, writer.response(EppResponse.of(ResultCode.ENDING_SESSION, clTRID, svTRID())));
            return false;
        }
        SandboxRegistry.Answer answer;
        try {
            answer = registry.execute(registrar, request.command(), clTRID, svTRID());
        } catch (RuntimeException e) {
            LOG.warn("cannot serve {} of {}", request.name(), registrar, e);
            frames.write(out, writer.response(EppResponse.of(ResultCode.COMMAND_FAILED, clTRID, svTRID())));
            return true;
        }
        return answer(out, answer.code(), answer.xml(), clTRID);
    }

    private boolean login(Login login, String clTRID, OutputStream out) throws IOException {
        if (registrar != null) {
            return fail(out, ResultCode.USE_ERROR, "already logged in", clTRID);
        }
        RegistrarAccount account = settings.registrar(login.clientId()).orElse(null);
        if (account == null || !account.password().equals(login.password())) {
            return fail(out, ResultCode.AUTHENTICATION_ERROR, null, clTRID);
        }
        if (!sessions.tryOpen(account.clientId())) {
            frames.write(out, writer.response(EppResponse.of(ResultCode.SESSION_LIMIT_EXCEEDED, clTRID, svTRID())));
            return false;
        }
        registrar = account.clientId();
        frames.write(out, writer.response(EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID())));
        return true;
    }

    private boolean fail(OutputStream out, ResultCode code, String reason, String clTRID) throws IOException {
        return answer(out, code.code(), writer.response(EppResponse.failure(code, reason, clTRID, svTRID())), clTRID);
    }

    /** Writes the answer, unless it is the error that ends the session: then 2500, and the session ends. */
    private boolean answer(OutputStream out, int code, byte[] xml, String clTRID) throws IOException {
        if (code >= 2000 && errorsByCode.merge(code, 1, Integer::sum) >= settings.errorsOfOneKindToClose()) {
            frames.write(out, writer.response(EppResponse.failure(ResultCode.COMMAND_FAILED_CLOSING,
                    settings.errorsOfOneKindToClose() + " errors " + code, clTRID, svTRID())));
            return false;
        }
        frames.write(out, xml);
        return true;
    }

    private String svTRID() {
        return serverTransactionIds.get();
    }
}
