package org.kontor.plugins.epp.command;

/** Asks for the oldest message in the poll queue. */
public record PollRequest() implements EppCommand {
}
