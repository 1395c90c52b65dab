package org.kontor.api.payment;

/** A webhook that is not genuine or cannot be read; the host answers 400 and applies nothing. */
public class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebhookRejectedException(String message) {
        super(message);
    }
}
