package org.kontor.host.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.database.Database;

/** Sellers, buyers and drafts the billing tests share. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC);
    static final Currency DKK = Currency.getInstance("DKK");
    static final Currency EUR = Currency.getInstance("EUR");

    private Fixtures() {
    }

    /** The default theme's messages, as the documents print them. */
    static InvoiceTexts texts() {
        return (language, key, args) -> {
            java.util.Properties properties = new java.util.Properties();
            try (var in = Fixtures.class.getClassLoader()
                    .getResourceAsStream("themes/default/messages/messages_" + language + ".properties")) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String text = properties.getProperty(key);
            if (text == null) {
                throw new AssertionError("no message " + key + " in " + language);
            }
            return args.length == 0 ? text : java.text.MessageFormat.format(text, args);
        };
    }

    static BillingConfig config() {
        return new BillingConfig(danishSeller(), InvoiceNumbers.defaults(), 14, java.time.ZoneId.of("Europe/Copenhagen"));
    }

    static Invoicing invoicing(Database db, org.kontor.api.tax.VatIdValidator validator) {
        return new Invoicing(store(db), config(), org.kontor.host.billing.vat.EuVatRates.standard(), validator, texts(),
                CLOCK);
    }

    static Invoicing invoicing(Database db) {
        return invoicing(db, new org.kontor.host.billing.vat.OfflineVatIdValidator(CLOCK));
    }

    static InvoiceStore store(Database db) {
        return new InvoiceStore(db.jdbi(), db.dialect(), CLOCK, InvoiceNumbers.defaults());
    }

    static Seller danishSeller() {
        return new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243", "DABADKKK",
                "Danske Bank", "85475103");
    }

    static Party buyer(String country, String vatId) {
        return new Party("Erika Mustermann", vatId == null ? null : "Muster GmbH", List.of("Hauptstraße 5"), "10115",
                "Berlin", country, vatId, null, null, "erika@example.com");
    }

    static NewDraft draft(String orderId, Currency currency, DraftLine... lines) {
        return new NewDraft(Series.INVOICE, "cust-1", orderId, "en", currency, null, List.of(lines));
    }

    static IssueTerms domestic(LocalDate date) {
        return new IssueTerms(danishSeller(), buyer("DK", null), date, date.plusDays(14), VatTreatment.DOMESTIC, "DK",
                new BigDecimal("25"), null, "NONE");
    }

    static DraftLine line(String description, String quantity, String unitPrice, String currency) {
        return DraftLine.of(description, quantity, Money.of(unitPrice, currency));
    }
}
