package org.kontor.host.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.pdf.Documents.business;
import static org.kontor.host.billing.pdf.Documents.consumer;
import static org.kontor.host.billing.pdf.Documents.document;
import static org.kontor.host.billing.pdf.Documents.line;
import static org.kontor.host.billing.pdf.Documents.qr;
import static org.kontor.host.billing.pdf.Documents.seller;
import static org.kontor.host.billing.pdf.Documents.text;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;

/**
 * What the law of each language's country asks a document to print, read back from the PDF: German §14 UStG, the
 * Czech daňový doklad, the Slovak faktúra, the Danish faktura; titles per series, credit notes, settlements and
 * advance payments' tax documents.
 */
class InvoiceStatutoryContentTest {

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme() throws Exception {
        pdf = Documents.pdf();
    }

    @Test
    void germanInvoiceHasEverythingParagraph14AsksForWithVatPerRate() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000042", "de", "EUR", Documents.germanSeller(),
                business("DE", "DE136695976", null), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhosting Business", "12", "9.90", "EUR", "19"),
                        line(2, "Fachbuch Domainrecht", "1", "30.00", "EUR", "7")), null, null);
        byte[] document = pdf.render(invoice);

        String text = text(document);
        assertThat(text).contains("Rechnung", "Rechnungsnummer INV-2027-000042", "Rechnungsdatum 15. 3. 2027",
                "Leistungsdatum 13. 3. 2027", "Kontor Deutschland GmbH", "Friedrichstraße 10", "10117 Berlin",
                "Steuernummer: 27/123/45678", "USt-IdNr.: DE811907980", "Muster DE GmbH", "Erika Mustermann",
                "Hauptstraße 5", "USt-IdNr.: DE136695976", "Menge", "Webhosting Business", "Fachbuch Domainrecht")
                .containsPattern("19 %\\s+118,80 EUR\\s+22,57 EUR\\s+141,37 EUR")
                .containsPattern("7 %\\s+30,00 EUR\\s+2,10 EUR\\s+32,10 EUR")
                .containsPattern("Gesamtbetrag\\s+148,80 EUR\\s+24,67 EUR\\s+173,47 EUR");
        assertThat(qr(document)).contains(String.join("\n", "BCD", "002", "1", "SCT", "COBADEFFXXX",
                "Kontor Deutschland GmbH", "DE89370400440532013000", "EUR173.47", "", "", "INV-2027-000042"));
    }

    @Test
    void reverseChargeWithoutItsOwnNotePrintsTheThemesWording() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000043", "de", "EUR", seller("DK5000400440116243",
                "DABADKKK", null), business("DE", "DE136695976", null), VatTreatment.REVERSE_CHARGE, null,
                List.of(line(1, "Domain .de", "1", "12.00", "EUR", "0")), null, null);

        assertThat(text(pdf.render(invoice))).contains("Steuerschuldnerschaft des Leistungsempfängers", "0 %",
                "USt-IdNr.: DK13585628", "USt-IdNr.: DE136695976");
    }

    @Test
    void czechTaxDocumentWithIcoDicDuzpVariableSymbolAndSpayd() throws Exception {
        Party buyer = new Party("Jan Novák", "Novák s.r.o.", List.of("Národní 1"), "110 00", "Praha", "CZ",
                "CZ25596641", "25596641", null, null);
        Invoice invoice = document(Series.INVOICE, "INV-2027-000044", "cs", "CZK", Documents.czechSeller(), buyer,
                VatTreatment.DOMESTIC, null, List.of(line(1, "Webhosting", "1", "1000.00", "CZK", "21"),
                        line(2, "Kniha o doménách", "2", "150.00", "CZK", "12")), null, null);
        byte[] document = pdf.render(invoice);

        assertThat(text(document)).contains("Faktura – daňový doklad", "Číslo dokladu INV-2027-000044",
                        "DUZP (datum uskutečnění zdanitelného plnění) 13. 3. 2027", "Datum vystavení 15. 3. 2027",
                        "Kontor s.r.o.", "DIČ: CZ27082440", "IČO: 27082440", "DIČ: CZ25596641", "IČO: 25596641",
                        "Variabilní symbol 2027000042", "Rekapitulace DPH")
                .containsPattern("21 %\\s+1 000,00 CZK\\s+210,00 CZK\\s+1 210,00 CZK")
                .containsPattern("12 %\\s+300,00 CZK\\s+36,00 CZK\\s+336,00 CZK")
                .containsPattern("Celkem k úhradě\\s+1 300,00 CZK\\s+246,00 CZK\\s+1 546,00 CZK");
        assertThat(qr(document)).contains("SPD*1.0*ACC:CZ6508000000192000145399*AM:1546.00*CC:CZK*X-VS:2027000042");
    }

    @Test
    void slovakInvoiceWithIcoDicIcDphAndDateOfSupply() throws Exception {
        Party buyer = new Party("Peter Kováč", "Kováč s. r. o.", List.of("Hlavná 3"), "040 01", "Košice", "SK",
                "SK2021234567", "12345678", "2021234567", null);
        Invoice invoice = document(Series.INVOICE, "INV-2027-000045", "sk", "EUR", Documents.slovakSeller(), buyer,
                VatTreatment.DOMESTIC, null, List.of(line(1, "Webhosting", "3", "10.00", "EUR", "23")), null, null);
        byte[] document = pdf.render(invoice);

        assertThat(text(document)).contains("Faktúra – daňový doklad", "Číslo faktúry INV-2027-000045",
                        "Dátum dodania 13. 3. 2027", "Dátum vyhotovenia 15. 3. 2027", "IČO: 35757442",
                        "DIČ: 2020317068", "IČ DPH: SK2020317068", "IČ DPH: SK2021234567", "Variabilný symbol")
                .containsPattern("23 %\\s+30,00 EUR\\s+6,90 EUR\\s+36,90 EUR")
                .containsPattern("Celkom na úhradu\\s+30,00 EUR\\s+6,90 EUR\\s+36,90 EUR");
        assertThat(qr(document)).contains(String.join("\n", "BCD", "002", "1", "SCT", "SUBASKBX", "Kontor s. r. o.",
                "SK3112000000198742637541", "EUR36.90", "", "", "INV-2027-000045"));
    }

    @Test
    void danishFakturaWithCvrAndTheFiLineAndNoQrCode() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000046", "da", "DKK", seller("DK5000400440116243",
                "DABADKKK", "85475103"), consumer("DK"), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhotel", "1", "89.00", "DKK", "25"), line(2, "Gebyr", "1", "0.10", "DKK", "25")),
                null, null);
        byte[] document = pdf.render(invoice);

        assertThat(text(document)).contains("Faktura", "Fakturanummer INV-2027-000046", "CVR-nr.: 13585628",
                        "Momsnummer: DK13585628", "Leveringsdato 13. 3. 2027", "Hans Hansen",
                        "Indbetalingskort (FI): +71<000020270000423+85475103<")
                .containsPattern("25 %\\s+89,10 DKK\\s+22,28 DKK\\s+111,38 DKK");
        assertThat(qr(document)).isEmpty();
    }

    @Test
    void englishExportInvoiceSaysItIsOutsideEuVat() throws Exception {
        Party buyer = new Party("Ola Nordmann", "Nordic Hosting AS", List.of("Karl Johans gate 1"), "0154", "Oslo",
                "NO", null, "923609016", null, null);
        Invoice invoice = document(Series.INVOICE, "INV-2027-000047", "en", "EUR", seller("DK5000400440116243",
                "DABADKKK", null), buyer, VatTreatment.EXPORT, null, List.of(line(1, "Dedicated server", "2", "50.00",
                "EUR", "0")), null, null);
        byte[] document = pdf.render(invoice);

        assertThat(text(document)).contains("Invoice", "Invoice number INV-2027-000047", "Date of supply 13 Mar 2027",
                        "Not subject to EU VAT", "Company registration no.: 923609016", "VAT ID: DK13585628")
                .containsPattern("Total due\\s+100.00 EUR\\s+0.00 EUR\\s+100.00 EUR");
        assertThat(qr(document)).contains(String.join("\n", "BCD", "002", "1", "SCT", "DABADKKK", "Kontor ApS",
                "DK5000400440116243", "EUR100.00", "", "", "INV-2027-000047"));
    }

    @Test
    void greekAndCyrillicNamesPrintWithTheEmbeddedFont() throws Exception {
        Party buyer = new Party("Иван Петров", "Παπαδόπουλος Α.Ε.", List.of("ул. Витоша 1"), "1000", "София", "BG",
                null, null, null, null);
        Invoice invoice = document(Series.INVOICE, "INV-2027-000048", "en", "EUR", seller("DK5000400440116243",
                "DABADKKK", null), buyer, VatTreatment.EU_B2C, null, List.of(line(1, "Hosting", "1", "10.00", "EUR",
                "20")), null, null);

        assertThat(text(pdf.render(invoice))).contains("Παπαδόπουλος Α.Ε.", "Иван Петров", "ул. Витоша 1",
                "1000 София", "VAT of BG (one-stop-shop)");
    }

    @ParameterizedTest
    @CsvSource({
            "en, Invoice, Credit note, Advance payment invoice, Final invoice",
            "da, Faktura, Kreditnota, Forudbetalingsfaktura, Slutfaktura",
            "de, Rechnung, Rechnungskorrektur (Gutschrift), Anzahlungsrechnung, Schlussrechnung",
            "cs, Faktura – daňový doklad, Opravný daňový doklad, Daňový doklad k přijaté platbě, Vyúčtovací faktura",
            "sk, Faktúra – daňový doklad, Opravná faktúra (dobropis), Daňový doklad k prijatej platbe, Zúčtovacia faktúra"})
    void everySeriesHasItsTitleInEveryLanguage(String language, String invoice, String creditNote, String advance,
                                               String settlement) throws Exception {
        Map<Series, String> titles = Map.of(Series.INVOICE, invoice, Series.CREDIT_NOTE, creditNote,
                Series.ADVANCE_TAX_DOCUMENT, advance, Series.SETTLEMENT, settlement);
        for (Map.Entry<Series, String> title : titles.entrySet()) {
            boolean credit = title.getKey() == Series.CREDIT_NOTE;
            Invoice document = document(title.getKey(), "DOC-1", language, "EUR", seller("DK5000400440116243",
                    "DABADKKK", null), consumer("DK"), VatTreatment.DOMESTIC, null, List.of(line(1, "Hosting",
                    credit ? "-1" : "1", "10.00", "EUR", "25")), credit ? null : "all", credit ? "INV-1" : null);
            String text = text(pdf.render(document));
            assertThat(text.lines().findFirst()).as(language + " " + title.getKey()).contains(title.getValue());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Corrects invoice INV-2027-000042 | Total due | -100.00 EUR | -125.00 EUR",
            "da | Krediterer faktura INV-2027-000042 | I alt at betale | -100,00 EUR | -125,00 EUR",
            "de | Berichtigt die Rechnung Nr. INV-2027-000042 | Gesamtbetrag | -100,00 EUR | -125,00 EUR",
            "cs | Opravuje daňový doklad č. INV-2027-000042 | Celkem k úhradě | -100,00 EUR | -125,00 EUR",
            "sk | Opravuje faktúru č. INV-2027-000042 | Celkom na úhradu | -100,00 EUR | -125,00 EUR"})
    void creditNoteNamesTheCorrectedInvoiceAndShowsNegativeAmounts(String language, String corrects, String total,
                                                                   String net, String gross) throws Exception {
        Invoice credit = document(Series.CREDIT_NOTE, "CN-2027-000007", language, "EUR", seller("DK5000400440116243",
                "DABADKKK", null), consumer("DK"), VatTreatment.DOMESTIC, null, List.of(line(1, "Hosting (storno)",
                "-1", "100.00", "EUR", "25")), null, "INV-2027-000042");
        byte[] document = pdf.render(credit);

        String text = text(document);
        assertThat(text).contains(corrects, "CN-2027-000007", "Hosting (storno)")
                .containsPattern(java.util.regex.Pattern.quote(total) + "\\s+" + net + "\\s+-25[.,]00 EUR\\s+" + gross);
        assertThat(qr(document)).isEmpty();
    }

    @Test
    void settlementListsSuppliesThenDeductedAdvancesAndLeavesNothingToPay() throws Exception {
        Invoice settlement = document(Series.SETTLEMENT, "SET-2027-000003", "cs", "CZK", Documents.czechSeller(),
                business("CZ", "CZ25596641", "25596641"), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhosting březen", "1", "800.00", "CZK", "21"),
                        line(2, "Doména example.cz", "1", "200.00", "CZK", "21"),
                        line(3, "Záloha ADV-2027-000011", "-1", "500.00", "CZK", "21")), "all", null);
        byte[] document = pdf.render(settlement);

        String text = text(document);
        assertThat(text).contains("Vyúčtovací faktura", "Zaplaceno. Fakturu vyrovnávají výše odečtené zálohy")
                .containsPattern("(?s)Plnění.*Webhosting březen.*Doména example.cz.*Odpočet přijatých záloh"
                        + ".*Záloha ADV-2027-000011\\s+-1\\s+500,00 CZK\\s+21 %\\s+-500,00 CZK\\s+-105,00 CZK\\s+-605,00 CZK")
                .containsPattern("21 %\\s+500,00 CZK\\s+105,00 CZK\\s+605,00 CZK")
                .containsPattern("Zbývá uhradit\\s+0,00 CZK")
                .doesNotContain("Bankovní spojení", "Datum splatnosti");
        assertThat(qr(document)).isEmpty();
    }

    @Test
    void advancePaymentTaxDocumentIsPaidAndOffersNoPayment() throws Exception {
        Invoice advance = document(Series.ADVANCE_TAX_DOCUMENT, "ADV-2027-000011", "cs", "CZK",
                Documents.czechSeller(), business("CZ", "CZ25596641", "25596641"), VatTreatment.DOMESTIC, null,
                List.of(line(1, "Záloha na hosting", "1", "500.00", "CZK", "21")), "all", null);
        byte[] document = pdf.render(advance);

        assertThat(text(document)).contains("Daňový doklad k přijaté platbě", "Zaplaceno. Doklad potvrzuje přijatou zálohu",
                        "DUZP (datum uskutečnění zdanitelného plnění)")
                .containsPattern("Zbývá uhradit\\s+0,00 CZK")
                .doesNotContain("Bankovní spojení", "Datum splatnosti", "QR platba");
        assertThat(qr(document)).isEmpty();
        assertThat(PaymentCodes.qrPayload(advance)).isEmpty();
    }

    @Test
    void danishSettlementPrintsNoFiLine() throws Exception {
        Invoice settlement = document(Series.SETTLEMENT, "SET-2027-000004", "da", "DKK", seller("DK5000400440116243",
                "DABADKKK", "85475103"), consumer("DK"), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhotel", "1", "100.00", "DKK", "25"),
                        line(2, "Forudbetaling ADV-2027-000012", "-1", "40.00", "DKK", "25")), "all", null);

        assertThat(text(pdf.render(settlement))).contains("Slutfaktura", "Leverancer", "Fradrag for forudbetalinger")
                .containsPattern("At betale\\s+0,00 DKK").doesNotContain("+71<");
        assertThat(PaymentCodes.fikLine(settlement)).isEmpty();
    }
}
