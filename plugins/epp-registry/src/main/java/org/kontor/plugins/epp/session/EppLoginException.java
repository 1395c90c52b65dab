package org.kontor.plugins.epp.session;

/** The server refused the login, with its result code (2200 authentication error, 2502 session limit). */
public class EppLoginException extends EppSessionException {

    private final int code;

    public EppLoginException(int code, String serverMessage) {
        super("EPP login refused: " + code + " " + serverMessage);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
