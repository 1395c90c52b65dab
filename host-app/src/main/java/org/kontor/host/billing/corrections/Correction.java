package org.kontor.host.billing.corrections;

import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;

/**
 * A credit note with what it corrects.
 *
 * @param refundOwed what the credit note leaves owed back to the customer (the corrected document was paid beyond
 *                   what remains of it); zero when nothing was paid beyond that
 * @param created    whether this call made it (false: a cancellation asked for again answers the first one)
 */
public record Correction(Invoice creditNote, String invoiceId, CorrectionKind kind, String reason, Money refundOwed,
                         boolean created) {
}
