package org.kontor.plugins.sepa.file;

import java.time.LocalDate;
import org.kontor.api.money.Money;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.plugins.sepa.mandate.SequenceType;

/** One transaction of a collection file, with what the file needs from its mandate. */
public record DirectDebit(String endToEndId, Money amount, Scheme scheme, SequenceType sequenceType, LocalDate dueDate,
                          String mandateReference, LocalDate signedOn, String debtorName, String iban, String bic,
                          String remittance) {
}
