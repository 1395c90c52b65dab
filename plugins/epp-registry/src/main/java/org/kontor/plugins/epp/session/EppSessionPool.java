package org.kontor.plugins.epp.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.response.EppResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Up to {@link EppEndpoint#maxSessions()} sessions to one endpoint, opened when first needed.
 *
 * <ul>
 *   <li>A caller borrows a session for at most the borrow timeout and returns it; a session that is no longer
 *       usable (poisoned, ended by the server) is discarded on return.</li>
 *   <li>Idle sessions send {@code hello} once they have been quiet for the keep-alive interval.</li>
 *   <li>A session older than {@link EppEndpoint#maxSessionAge()} is logged out instead of lent.</li>
 *   <li>After 2502 (or 2501) no new session is opened for {@link EppEndpoint#sessionLimitBackOff()}.</li>
 *   <li>All commands of all sessions share one token bucket.</li>
 * </ul>
 */
public final class EppSessionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EppSessionPool.class);

    private final EppEndpoint endpoint;
    private final EppTlsConnector connector;
    private final EppCommandEncoder encoder;
    private final EppResponseDecoder decoder;
    private final Clock clock;
    private final ClTridGenerator clTrids;
    private final TokenBucket rateLimit;
    // One permit per session that may exist; holding a permit means owning a session (borrowed or pinging).
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<EppSession> idle = new ConcurrentLinkedDeque<>();
    private final ScheduledFuture<?> keepAlive;
    private volatile Instant backOffUntil = Instant.MIN;
    private volatile boolean closed;

    /**
     * @param scheduler runs the keep-alive check; the pool does not shut it down
     */
    public EppSessionPool(EppEndpoint endpoint, EppCommandEncoder encoder, EppResponseDecoder decoder,
            ScheduledExecutorService scheduler, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.connector = new EppTlsConnector(endpoint);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clTrids = new ClTridGenerator(endpoint.clTridPrefix(), clock);
        this.rateLimit = new TokenBucket(endpoint.commandsPerSecond(), endpoint.commandBurst(), System::nanoTime);
        this.permits = new Semaphore(endpoint.maxSessions(), true);
        // Checking ten times per interval sends the hello at most 10 % later than the interval.
        long period = Math.max(10, endpoint.keepAliveInterval().toMillis() / 10);
        this.keepAlive = scheduler.scheduleWithFixedDelay(this::keepIdleSessionsAlive, period, period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Sends one command on a borrowed session and returns the session.
     *
     * @param clTRID the caller's transaction id, or null to generate one
     */
    public EppResponse execute(EppCommand command, ClientTransactionId clTRID) throws EppSessionException {
        EppSession session = borrow();
        try {
            return session.execute(command, clTRID);
        } finally {
            release(session);
        }
    }

    /** Sends one command with a generated clTRID. */
    public EppResponse execute(EppCommand command) throws EppSessionException {
        return execute(command, null);
    }

    /**
     * Lends a logged-in session; give it back with {@link #release}.
     *
     * @throws EppPoolUnavailableException when none is free within the borrow timeout, or the pool backs off
     * @throws EppSessionException when a new session cannot be opened
     */
    public EppSession borrow() throws EppSessionException {
        requireOpen();
        Duration wait = endpoint.borrowTimeout();
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new EppPoolUnavailableException(EppPoolUnavailableException.Reason.BORROW_TIMEOUT,
                        "no EPP session to " + where() + " became free within " + wait + " (all "
                                + endpoint.maxSessions() + " are busy)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EppSessionException("interrupted while waiting for an EPP session to " + where(), e);
        }
        try {
            return takeOrOpen();
        } catch (EppSessionException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a borrowed session back: kept when still usable, closed otherwise. */
    public void release(EppSession session) {
        try {
            if (!closed && session.isUsable()) {
                idle.addFirst(session);
            } else {
                session.close();
            }
        } finally {
            permits.release();
        }
        if (closed) {
            closeIdle();
        }
    }

    /** Whether the pool currently refuses to open new sessions after a 2502. */
    public boolean isBackingOff() {
        return clock.instant().isBefore(backOffUntil);
    }

    /** The number of logged-in sessions waiting to be borrowed. */
    public int idleCount() {
        return idle.size();
    }

    /** Stops the keep-alive and logs out of every idle session; borrowed ones are logged out when returned. */
    @Override
    public void close() {
        closed = true;
        keepAlive.cancel(false);
        closeIdle();
    }

    private EppSession takeOrOpen() throws EppSessionException {
        EppSession session;
        Instant oldest = clock.instant().minus(endpoint.maxSessionAge());
        while ((session = idle.pollFirst()) != null) {
            if (session.isUsable() && session.loggedInAt().isAfter(oldest)) {
                return session;
            }
            session.close(); // logs out a session that is merely old
        }
        if (isBackingOff()) {
            throw new EppPoolUnavailableException(EppPoolUnavailableException.Reason.BACKING_OFF,
                    "the registry at " + where() + " reported its session limit; no new session until " + backOffUntil);
        }
        session = new EppSession(endpoint, connector, encoder, decoder, clTrids, rateLimit, clock, this::backOff);
        session.open();
        return session;
    }

    private void backOff(int code) {
        backOffUntil = clock.instant().plus(endpoint.sessionLimitBackOff());
        LOG.warn("EPP {}: the server answered {}; no new sessions until {}", where(), code, backOffUntil);
    }

    private void keepIdleSessionsAlive() {
        Instant due = clock.instant().minus(endpoint.keepAliveInterval());
        for (EppSession session : List.copyOf(idle)) {
            if (closed || session.lastActivity().isAfter(due) || !permits.tryAcquire()) {
                continue;
            }
            if (!idle.remove(session)) { // borrowed meanwhile
                permits.release();
                continue;
            }
            try {
                session.hello();
                release(session);
            } catch (EppSessionException | RuntimeException e) {
                LOG.warn("EPP {}: keep-alive hello failed, the session is dropped: {}", where(), e.getMessage());
                session.close();
                permits.release();
            }
        }
    }

    private void closeIdle() {
        List<EppSession> sessions = new ArrayList<>();
        EppSession session;
        while ((session = idle.pollFirst()) != null) {
            sessions.add(session);
        }
        sessions.forEach(EppSession::close);
    }

    private void requireOpen() throws EppPoolUnavailableException {
        if (closed) {
            throw new EppPoolUnavailableException(EppPoolUnavailableException.Reason.CLOSED,
                    "the EPP session pool for " + where() + " is closed");
        }
    }

    private String where() {
        return endpoint.host() + ":" + endpoint.port();
    }
}
