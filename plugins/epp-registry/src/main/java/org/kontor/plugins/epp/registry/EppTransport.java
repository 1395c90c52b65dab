package org.kontor.plugins.epp.registry;

import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.session.EppSessionException;

/** Sends EPP commands to one registry; {@link PoolTransport} does so over a session pool. */
public interface EppTransport {

    /**
     * Sends one command and returns the answer, whatever its result code.
     *
     * @param clTRID the command's client transaction id, or null to generate one
     */
    EppResponse execute(EppCommand command, ClientTransactionId clTRID) throws EppSessionException;

    /** The greeting of a current session: what the server offers. */
    Greeting greeting() throws EppSessionException;
}
