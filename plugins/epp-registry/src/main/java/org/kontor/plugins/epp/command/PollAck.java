package org.kontor.plugins.epp.command;

import java.util.Objects;

/** Removes a message from the poll queue. */
public record PollAck(String messageId) implements EppCommand {

    public PollAck {
        Objects.requireNonNull(messageId, "messageId");
    }
}
