package org.kontor.plugins.stripe.api;

/**
 * Stripe could not be asked or did not say what became of a request: no connection, a time-out, a 5xx, a rate limit,
 * a request with the same Idempotency-Key still running. What was asked may or may not have happened; asking again
 * under the same key finds out.
 */
public class StripeUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public StripeUnavailableException(String message) {
        super(message);
    }

    public StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
