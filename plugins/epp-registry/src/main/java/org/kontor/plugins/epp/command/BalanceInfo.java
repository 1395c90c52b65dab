package org.kontor.plugins.epp.command;

/** Asks for the account balance with Verisign's balance mapping, as the .dk registry offers it. */
public record BalanceInfo() implements EppCommand {
}
