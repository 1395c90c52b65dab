package org.kontor.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.Fixtures.DKK;
import static org.kontor.host.billing.Fixtures.EUR;
import static org.kontor.host.billing.Fixtures.line;

import java.math.BigDecimal;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The VAT rule a Danish seller's invoice follows, per buyer (BIL-8). */
@DatabaseTest(migrateHost = true)
class InvoicingVatTest {

    private static Invoice issue(Invoicing invoicing, String language, Party buyer, String currency, DraftLine... lines) {
        String id = invoicing.store().createDraft(new NewDraft(Series.INVOICE, "cust-1", null, language,
                java.util.Currency.getInstance(currency), null, List.of(lines)));
        return invoicing.issue(id, buyer);
    }

    private static Party person(String country) {
        return new Party("Pat Doe", null, List.of("Street 1"), "1000", "City", country, null, null, null, null);
    }

    @DbTest
    void domesticSaleAtTheDanishRate(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "da", person("DK"), "DKK", line("Hosting", "1", "100.00", "DKK"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(invoice.vatCountry()).isEqualTo("DK");
        assertThat(invoice.lines().get(0).vatRate()).isEqualByComparingTo("25");
        assertThat(invoice.vat()).isEqualTo(Money.of("25.00", "DKK"));
        assertThat(invoice.vatNote()).isNull();
        assertThat(invoice.issueDate()).isEqualTo(java.time.LocalDate.of(2027, 3, 15));
        assertThat(invoice.dueDate()).isEqualTo(java.time.LocalDate.of(2027, 3, 29));
    }

    @DbTest
    void germanConsumerPaysGermanVatUnderTheOneStopShop(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "de", person("DE"), "EUR", line("Hosting", "1", "10.00", "EUR"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.EU_B2C);
        assertThat(invoice.vatCountry()).isEqualTo("DE");
        assertThat(invoice.vat()).isEqualTo(Money.of("1.90", "EUR"));
        assertThat(invoice.gross()).isEqualTo(Money.of("11.90", "EUR"));
    }

    @DbTest
    void germanBusinessWithAValidVatIdGetsReverseChargeWithTheGermanWording(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "de", Fixtures.buyer("DE", "DE136695976"), "EUR",
                line("Hosting", "2", "10.00", "EUR"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
        assertThat(invoice.vat()).isEqualTo(Money.zero(EUR));
        assertThat(invoice.gross()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(invoice.buyerVatCheck()).isEqualTo("VALID");
        assertThat(invoice.vatNote()).contains("Steuerschuldnerschaft des Leistungsempfängers");
    }

    @DbTest
    void czechBusinessWithAnInvalidVatIdIsTreatedAsAConsumer(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "cs", Fixtures.buyer("CZ", "CZ25596642"), "EUR",
                line("Hosting", "1", "10.00", "EUR"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.EU_B2C);
        assertThat(invoice.vatCountry()).isEqualTo("CZ");
        assertThat(invoice.lines().get(0).vatRate()).isEqualByComparingTo("21");
        assertThat(invoice.vat()).isEqualTo(Money.of("2.10", "EUR"));
        assertThat(invoice.buyerVatCheck()).isEqualTo("INVALID");
        assertThat(invoice.vatNote()).isNull();
    }

    @DbTest
    void aVatIdThatCannotBeCheckedNowIsNotTakenForValid(Database db) {
        VatIdValidator down = new VatIdValidator() {
            @Override
            public String validatorId() {
                return "down";
            }

            @Override
            public VatIdCheck validate(String countryCode, String vatId) {
                return VatIdCheck.unavailable(vatId, Fixtures.CLOCK.instant());
            }
        };
        Invoice invoice = issue(Fixtures.invoicing(db, down), "sk", Fixtures.buyer("SK", "SK2020317068"), "EUR",
                line("Hosting", "1", "10.00", "EUR"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.EU_B2C);
        assertThat(invoice.vat()).isEqualTo(Money.of("2.30", "EUR"));
        assertThat(invoice.buyerVatCheck()).isEqualTo("UNAVAILABLE");
    }

    @DbTest
    void aBuyerOutsideTheEuPaysNoVatAndTheDocumentSaysWhy(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "en", Fixtures.buyer("NO", "NO123456789MVA"), "EUR",
                line("Hosting", "1", "10.00", "EUR"));

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.EXPORT);
        assertThat(invoice.vat()).isEqualTo(Money.zero(EUR));
        assertThat(invoice.buyerVatCheck()).isEqualTo("NONE");
        assertThat(invoice.vatNote()).isEqualTo("Not subject to EU VAT: the place of supply is outside the EU.");
    }

    @DbTest
    void vatIsRoundedPerLineAndTheTotalIsTheSumOfTheRoundedLines(Database db) {
        Invoice invoice = issue(Fixtures.invoicing(db), "da", person("DK"), "DKK",
                line("SMS a", "1", "0.10", "DKK"), line("SMS b", "1", "0.10", "DKK"), line("SMS c", "1", "0.10", "DKK"));

        assertThat(invoice.lines()).extracting(InvoiceLine::vat).containsOnly(Money.of("0.03", "DKK"));
        assertThat(invoice.vat()).as("3 × 0.03, not 25 % of 0.30 = 0.075 → 0.08").isEqualTo(Money.of("0.09", "DKK"));
        assertThat(invoice.net().times(new BigDecimal("0.25"), InvoiceLine.ROUNDING)).isEqualTo(Money.of("0.08", "DKK"));
        assertThat(invoice.gross()).isEqualTo(Money.of("0.39", "DKK"));
        assertThat(invoice.vatTotals()).singleElement().satisfies(total -> {
            assertThat(total.vat()).isEqualTo(invoice.vat());
            assertThat(total.net()).isEqualTo(Money.of("0.30", "DKK"));
        });
        assertThat(Money.zero(DKK)).isNotNull();
    }
}
