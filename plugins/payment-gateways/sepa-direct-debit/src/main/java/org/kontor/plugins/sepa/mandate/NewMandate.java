package org.kontor.plugins.sepa.mandate;

import java.time.LocalDate;

/** A mandate as the debtor fills it in; {@link Mandates#create} checks and normalizes every field. */
public record NewMandate(String reference, String debtorName, String iban, String bic, LocalDate signedOn,
                         Scheme scheme, boolean recurring, String email, String language) {
}
