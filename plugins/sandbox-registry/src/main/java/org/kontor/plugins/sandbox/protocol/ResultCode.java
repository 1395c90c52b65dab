package org.kontor.plugins.sandbox.protocol;

/** The EPP result codes (RFC 5730 §3) the sandbox answers with, and their standard messages. */
public enum ResultCode {
    SUCCESS(1000, "Command completed successfully"),
    ACTION_PENDING(1001, "Command completed successfully; action pending"),
    NO_MESSAGES(1300, "Command completed successfully; no messages"),
    ACK_TO_DEQUEUE(1301, "Command completed successfully; ack to dequeue"),
    ENDING_SESSION(1500, "Command completed successfully; ending session"),
    UNKNOWN_COMMAND(2000, "Unknown command"),
    SYNTAX_ERROR(2001, "Command syntax error"),
    USE_ERROR(2002, "Command use error"),
    REQUIRED_PARAMETER_MISSING(2003, "Required parameter missing"),
    PARAMETER_RANGE_ERROR(2004, "Parameter value range error"),
    PARAMETER_SYNTAX_ERROR(2005, "Parameter value syntax error"),
    UNIMPLEMENTED_COMMAND(2101, "Unimplemented command"),
    BILLING_FAILURE(2104, "Billing failure"),
    NOT_ELIGIBLE_FOR_RENEWAL(2105, "Object is not eligible for renewal"),
    NOT_ELIGIBLE_FOR_TRANSFER(2106, "Object is not eligible for transfer"),
    AUTHENTICATION_ERROR(2200, "Authentication error"),
    AUTHORIZATION_ERROR(2201, "Authorization error"),
    INVALID_AUTHORIZATION_INFORMATION(2202, "Invalid authorization information"),
    OBJECT_PENDING_TRANSFER(2300, "Object pending transfer"),
    OBJECT_NOT_PENDING_TRANSFER(2301, "Object not pending transfer"),
    OBJECT_EXISTS(2302, "Object exists"),
    OBJECT_DOES_NOT_EXIST(2303, "Object does not exist"),
    STATUS_PROHIBITS_OPERATION(2304, "Object status prohibits operation"),
    ASSOCIATION_PROHIBITS_OPERATION(2305, "Object association prohibits operation"),
    PARAMETER_POLICY_ERROR(2306, "Parameter value policy error"),
    COMMAND_FAILED(2400, "Command failed"),
    COMMAND_FAILED_CLOSING(2500, "Command failed; server closing connection"),
    SESSION_LIMIT_EXCEEDED(2502, "Session limit exceeded; server closing connection");

    private final int code;
    private final String message;

    ResultCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public boolean isError() {
        return code >= 2000;
    }
}
