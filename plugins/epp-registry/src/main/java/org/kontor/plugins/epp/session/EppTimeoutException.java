package org.kontor.plugins.epp.session;

/** No answer within the time limit. The session is closed: a late answer would belong to the wrong command. */
public class EppTimeoutException extends EppSessionException {

    public EppTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
