package org.kontor.host.billing.corrections;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.BillingConfig;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.OfflineVatIdValidator;
import org.kontor.testkit.RecordingEvents;

/** A Danish seller's billing on a test database: store, invoicing (recording what it announces) and corrections. */
record Books(InvoiceStore store, Invoicing invoicing, Corrections corrections, RecordingEvents events) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-05-10T10:00:00Z"), ZoneOffset.UTC);

    static Books on(Database db) {
        InvoiceStore store = new InvoiceStore(db.jdbi(), db.dialect(), CLOCK, InvoiceNumbers.defaults());
        RecordingEvents events = new RecordingEvents();
        BillingConfig config = new BillingConfig(seller(), InvoiceNumbers.defaults(), 14, ZoneId.of("Europe/Copenhagen"));
        Invoicing invoicing = new Invoicing(store, config, EuVatRates.standard(), new OfflineVatIdValidator(CLOCK),
                (language, key, args) -> key, CLOCK, events);
        return new Books(store, invoicing, new Corrections(db.jdbi(), db.dialect(), store, invoicing, CLOCK), events);
    }

    static Seller seller() {
        return new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243", "DABADKKK",
                "Danske Bank", "85475103");
    }

    static Party germanConsumer() {
        return new Party("Erika Mustermann", null, List.of("Hauptstraße 5"), "10115", "Berlin", "DE", null, null, null,
                "erika@example.com");
    }

    static Party danishCustomer() {
        return new Party("Jens Hansen", null, List.of("Nørregade 7"), "1165", "København K", "DK", null, null, null,
                "jens@example.com");
    }

    static DraftLine line(String description, String quantity, String unitPrice, String currency) {
        return DraftLine.of(description, quantity, Money.of(unitPrice, currency));
    }

    Invoice issued(Party buyer, String currency, DraftLine... lines) {
        String id = store.createDraft(new NewDraft(Series.INVOICE, "cust-1", null, "en",
                java.util.Currency.getInstance(currency), null, List.of(lines)));
        return invoicing.issue(id, buyer);
    }
}
