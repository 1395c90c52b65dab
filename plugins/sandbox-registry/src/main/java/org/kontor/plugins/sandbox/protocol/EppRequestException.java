package org.kontor.plugins.sandbox.protocol;

/** A frame that cannot be served: not safe XML, not EPP, or a command the sandbox does not know. */
public final class EppRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final String clTRID;

    public EppRequestException(ResultCode code, String clTRID, String message) {
        super(message);
        this.code = code;
        this.clTRID = clTRID;
    }

    public ResultCode code() {
        return code;
    }

    /** The clTRID when the frame was readable enough to have one, or null. */
    public String clTRID() {
        return clTRID;
    }
}
