package org.kontor.plugins.epp.registry;

import java.util.Objects;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.session.EppSession;
import org.kontor.plugins.epp.session.EppSessionException;
import org.kontor.plugins.epp.session.EppSessionPool;

/** Sends commands on sessions borrowed from a pool. */
public final class PoolTransport implements EppTransport {

    private final EppSessionPool pool;

    public PoolTransport(EppSessionPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public EppResponse execute(EppCommand command, ClientTransactionId clTRID) throws EppSessionException {
        return pool.execute(command, clTRID);
    }

    @Override
    public Greeting greeting() throws EppSessionException {
        EppSession session = pool.borrow();
        try {
            return session.greeting();
        } finally {
            pool.release(session);
        }
    }
}
