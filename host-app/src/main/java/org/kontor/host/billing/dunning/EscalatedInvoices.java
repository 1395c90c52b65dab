package org.kontor.host.billing.dunning;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** A customer's invoices that reached the last dunning level and are still unpaid, oldest escalation first. */
public final class EscalatedInvoices {

    private final Jdbi jdbi;

    public EscalatedInvoices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<String> unpaid(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.invoice_id FROM dunning_level l JOIN invoice i "
                        + "ON i.id = l.invoice_id WHERE l.customer_id = :customer AND l.level = :level "
                        + "AND i.state IN ('ISSUED', 'PARTIALLY_PAID') ORDER BY l.sent_on, l.invoice_id")
                .bind("customer", customerId).bind("level", DunningLevel.values()[DunningLevel.values().length - 1].name())
                .mapTo(String.class).list());
    }
}
