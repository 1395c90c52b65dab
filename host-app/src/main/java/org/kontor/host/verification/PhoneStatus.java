package org.kontor.host.verification;

import java.time.Instant;

/**
 * A customer's phone verification as it stands.
 *
 * @param phoneNumber  the customer's mobile number in E.164 form, or null when they gave none
 * @param verified     whether that number was confirmed with a code
 * @param verifiedAt   when, or null
 * @param pending      the code waiting to be entered, or null
 * @param nextSendAt   when another code may be sent (now or earlier: at once)
 */
public record PhoneStatus(String phoneNumber, boolean verified, Instant verifiedAt, Pending pending,
                          Instant nextSendAt) {

    /**
     * A code sent and not yet confirmed.
     *
     * @param state        SENDING, SENT or UNDEFINED (the gateway did not answer; the code works should it arrive)
     * @param attemptsLeft wrong entries the code still takes
     */
    public record Pending(String phoneNumber, String state, Instant expiresAt, int attemptsLeft) {
    }
}
