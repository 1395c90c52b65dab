package org.kontor.api.event;

import org.kontor.api.money.Money;

/**
 * An invoice reached the last dunning level and is still unpaid: the notice has gone out, and whoever provides the
 * customer's services may now suspend them. Published once per invoice, in the transaction that records the level.
 *
 * @param level       the name of the level reached, e.g. {@code SECOND_DUNNING}
 * @param outstanding what was left to pay on the invoice when the level was recorded (without fees and interest)
 * @since 1.4.0
 */
public record DunningEscalated(String customerId, String invoiceId, String invoiceNumber, String level, Money outstanding)
        implements Event {
}
