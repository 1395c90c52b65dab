package org.kontor.plugins.prepaidaccount.ledger;

import java.util.Currency;
import org.kontor.api.money.Money;

/**
 * A deposit scheme as the operator set it up.
 *
 * @param minimumTopUp      the smallest top-up, excluding VAT (e.g. 3,000 CZK)
 * @param domainsOnly       whether only domain services may be paid from accounts of this scheme
 * @param defaultCreditLine how far below zero renewals may take a new account
 */
public record Scheme(String id, String name, Currency currency, Money minimumTopUp, boolean domainsOnly,
                     Money defaultCreditLine) {
}
