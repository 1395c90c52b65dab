package org.kontor.host.billing;

import java.util.Objects;

/**
 * The seller as configured under {@code billing.seller.*}, with the bank details payments go to.
 *
 * @param fiCreditor the Danish FI creditor number (8 digits) for the +71 payment line; null when none
 */
public record Seller(Party party, String iban, String bic, String bankName, String fiCreditor) {

    public Seller {
        Objects.requireNonNull(party, "party");
    }
}
