package org.kontor.host.forwarding;

/** A forward or alias refused: the field it is about, a code for the message in the customer's language, a text. */
public final class ForwardingRefusedException extends RuntimeException {

    private final String field;
    private final String code;

    public ForwardingRefusedException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
