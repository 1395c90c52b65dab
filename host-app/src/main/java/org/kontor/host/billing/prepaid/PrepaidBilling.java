package org.kontor.host.billing.prepaid;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventListener;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.billing.BillingConfig;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.pdf.InvoicePdf;

/** The billing of prepaid accounts as the host runs it: its services, event listeners and jobs. */
public final class PrepaidBilling {

    private final AdvanceDocuments advances;
    private final PrepaidDraws draws;
    private final Settlements settlements;

    public PrepaidBilling(Jdbi jdbi, Clock clock, BillingConfig billing, PrepaidBillingConfig config,
                          Invoicing invoicing, Resellers resellers, InvoiceTexts texts, InvoicePdf pdf,
                          RenderedDocuments rendered) {
        this.advances = new AdvanceDocuments(jdbi, invoicing, resellers, texts, billing.zone(), clock,
                config.advanceDelayDays());
        this.draws = new PrepaidDraws(jdbi, billing.zone());
        this.settlements = new Settlements(jdbi, draws, invoicing, resellers, texts, pdf::render, rendered, clock,
                config);
    }

    public List<EventListener<?>> listeners() {
        return List.of(new TopUpPaidListener(advances), new ChargedListener(draws), new MonthClosedListener(settlements));
    }

    public List<ScheduledJob> jobs() {
        return List.of(new AdvanceDocumentJob(advances), new SettlementJob(settlements));
    }

    public AdvanceDocuments advances() {
        return advances;
    }

    public PrepaidDraws draws() {
        return draws;
    }

    public Settlements settlements() {
        return settlements;
    }
}
