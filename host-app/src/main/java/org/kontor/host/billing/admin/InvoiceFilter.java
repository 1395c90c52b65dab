package org.kontor.host.billing.admin;

import java.time.LocalDate;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;

/**
 * Which documents a list shows; every part may be null (no restriction). A period restricts to documents issued in it
 * (from and to inclusive), so drafts are left out.
 */
public record InvoiceFilter(String customerId, Series series, InvoiceState state, LocalDate from, LocalDate to,
                            int limit) {
}
