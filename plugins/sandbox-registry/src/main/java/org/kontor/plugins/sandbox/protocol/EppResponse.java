package org.kontor.plugins.sandbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A response to write.
 *
 * @param reason extra text for the result's {@code extValue/reason}, or null
 * @param queue the message queue part of a poll answer, or null
 * @param data the {@code resData}, or null
 * @param clTRID the client's transaction id, or null
 * @param extension the elements of the response's {@code extension}, empty for none
 */
public record EppResponse(ResultCode code, String reason, Queue queue, ResponseData data, String clTRID,
        String svTRID, List<Ext> extension) {

    /** The {@code msgQ} element: the queue's size, and the message itself when one is handed out. */
    public record Queue(long count, String id, Instant queuedAt, String message) {
    }

    public EppResponse {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(svTRID, "svTRID");
        extension = List.copyOf(extension);
    }

    public EppResponse(ResultCode code, String reason, Queue queue, ResponseData data, String clTRID,
            String svTRID) {
        this(code, reason, queue, data, clTRID, svTRID, List.of());
    }

    public static EppResponse of(ResultCode code, String clTRID, String svTRID) {
        return new EppResponse(code, null, null, null, clTRID, svTRID);
    }

    public static EppResponse withData(ResultCode code, ResponseData data, String clTRID, String svTRID) {
        return new EppResponse(code, null, null, data, clTRID, svTRID);
    }

    public static EppResponse failure(ResultCode code, String reason, String clTRID, String svTRID) {
        return new EppResponse(code, reason, null, null, clTRID, svTRID);
    }

    public EppResponse withExtension(List<Ext> extension) {
        return new EppResponse(code, reason, queue, data, clTRID, svTRID, extension);
    }
}
