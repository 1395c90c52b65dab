package org.kontor.plugins.epp.command;

/** Ends the session. */
public record Logout() implements EppCommand {
}
