package org.kontor.api.verification;

import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * Sends text messages, for instance the code of a phone verification. The host makes and checks the code; the gateway
 * only delivers the text. Sending again under the same key must not send a second message.
 */
public interface SmsGateway extends ExtensionPoint {

    /** A stable id, e.g. {@code twilio}. */
    String gatewayId();

    /** Sends the message; PROCESSED when the provider took it, ERROR when it refused the number. */
    Outcome<Void> send(IdempotencyKey key, TextMessage message);
}
