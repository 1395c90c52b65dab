package org.kontor.host.verification;

import java.time.Duration;

/**
 * Why a phone verification step was refused.
 *
 * @see PhoneVerifications
 */
public final class PhoneVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable reasons, as the API's problem types and the pages' message keys name them. */
    public enum Reason {
        PHONE_INVALID("phone-invalid", 422),
        SMS_UNAVAILABLE("sms-unavailable", 503),
        SMS_REFUSED("sms-refused", 422),
        RESEND_THROTTLED("resend-throttled", 429),
        CODE_MISSING("code-missing", 409),
        CODE_WRONG("code-wrong", 422),
        CODE_EXPIRED("code-expired", 410),
        TOO_MANY_ATTEMPTS("too-many-attempts", 429);

        private final String code;
        private final int status;

        Reason(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final transient Duration retryAfter;
    private final int attemptsLeft;

    PhoneVerificationException(Reason reason, String message) {
        this(reason, message, null, -1);
    }

    PhoneVerificationException(Reason reason, String message, Duration retryAfter, int attemptsLeft) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.attemptsLeft = attemptsLeft;
    }

    public Reason reason() {
        return reason;
    }

    /** For RESEND_THROTTLED: how long until a code may be sent again; else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For CODE_WRONG: how many attempts the code has left; else -1. */
    public int attemptsLeft() {
        return attemptsLeft;
    }
}
