package org.kontor.host.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.money.Money;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.plugins.PluginResources;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;

/** The PDF read back: number, lines, VAT, totals, language, statutory notes and the payment QR code (BIL-1, BIL-8). */
class InvoicePdfTest {

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme(@TempDir Path themes) {
        PluginResources none = new PluginResources() {
            @Override
            public List<String> activePluginIds() {
                return List.of();
            }

            @Override
            public Optional<URL> resource(String pluginId, String path) {
                return Optional.empty();
            }
        };
        ActiveTheme theme = new ThemeEngine(new ThemeRegistry(themes, InvoicePdfTest.class.getClassLoader()), none,
                () -> "default", Duration.ofSeconds(5)).active();
        pdf = new InvoicePdf(() -> theme);
    }

    private static Seller seller(String iban, String bic, String fiCreditor) {
        return new Seller(new Party("Kontor", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, null), iban, bic, "Danske Bank", fiCreditor);
    }

    private static Invoice invoice(String language, String currency, Seller seller, Party buyer, VatTreatment treatment,
                                   String note, BigDecimal rate, String... netPrices) {
        Currency cur = Currency.getInstance(currency);
        List<InvoiceLine> lines = new ArrayList<>();
        Money net = Money.zero(cur);
        Money vat = Money.zero(cur);
        for (String price : netPrices) {
            InvoiceLine line = InvoiceLine.priced(lines.size() + 1, "Domain renewal " + (lines.size() + 1),
                    BigDecimal.ONE, Money.of(price, currency), rate);
            lines.add(line);
            net = net.plus(line.net());
            vat = vat.plus(line.vat());
        }
        LocalDate date = LocalDate.of(2027, 3, 15);
        return new Invoice("id-1", Series.INVOICE, "INV-2027-000042", InvoiceState.ISSUED, "c", null, language, cur,
                date, date, date.plusDays(14), seller, buyer, treatment, buyer.countryCode(), note, "NONE",
                List.<DraftLine>of(), lines, net, vat, net.plus(vat), Money.zero(cur), "2027000042", null, null, null, null,
                null);
    }

    private static String text(byte[] document) throws IOException {
        try (PDDocument doc = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String qr(byte[] document) throws Exception {
        try (PDDocument doc = Loader.loadPDF(document)) {
            PDPage page = doc.getPage(0);
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    var source = new BufferedImageLuminanceSource(image.getImage());
                    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                            Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
                            .getText();
                }
            }
        }
        throw new AssertionError("no image on the page");
    }

    @Test
    void czechInvoiceInCzechWithDuzpAndASpaydCode() throws Exception {
        Party buyer = new Party("Jan Novák", "Novák s.r.o.", List.of("Národní 1"), "110 00", "Praha", "CZ",
                "CZ25596641", "25596641", null, null);
        byte[] document = pdf.render(invoice("cs", "CZK", seller("CZ6508000000192000145399", "GIBACZPX", null), buyer,
                VatTreatment.REVERSE_CHARGE, "Daň odvede zákazník (přenesení daňové povinnosti podle čl. 196 směrnice 2006/112/ES).",
                BigDecimal.ZERO, "250.00", "1000.50"));

        String text = text(document);
        assertThat(text).contains("Faktura – daňový doklad", "INV-2027-000042", "DUZP", "DIČ: CZ25596641", "IČO: 25596641",
                "Domain renewal 1", "Domain renewal 2", "Daň odvede zákazník", "Variabilní symbol")
                .containsPattern("Celkem k úhradě.*1\\s250,50 CZK");
        assertThat(qr(document)).isEqualTo("SPD*1.0*ACC:CZ6508000000192000145399*AM:1250.50*CC:CZK*X-VS:2027000042");
    }

    @Test
    void germanReverseChargeInvoiceWithGiroCode() throws Exception {
        Party buyer = new Party("Erika Mustermann", "Muster GmbH", List.of("Hauptstraße 5"), "10115", "Berlin", "DE",
                "DE136695976", null, null, null);
        byte[] document = pdf.render(invoice("de", "EUR", seller("DK5000400440116243", "DABADKKK", null), buyer,
                VatTreatment.REVERSE_CHARGE, "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).",
                BigDecimal.ZERO, "12.00"));

        String text = text(document);
        assertThat(text).contains("Rechnung", "Rechnungsnummer", "INV-2027-000042", "Leistungsdatum", "15. 3. 2027",
                "USt-IdNr.: DK13585628", "USt-IdNr.: DE136695976", "Muster GmbH", "Hauptstraße 5",
                "Steuerschuldnerschaft des Leistungsempfängers", "0 %", "12,00 EUR", "IBAN: DK5000400440116243");
        assertThat(qr(document)).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "DABADKKK", "Kontor ApS",
                "DK5000400440116243", "EUR12.00", "", "", "INV-2027-000042"));
    }

    @Test
    void danishInvoiceInDanishWithVatPerRateAndTheFiLine() throws Exception {
        Party buyer = new Party("Hans Hansen", null, List.of("Nørregade 2"), "8000", "Aarhus C", "DK", null, null,
                null, null);
        byte[] document = pdf.render(invoice("da", "DKK", seller("DK5000400440116243", "DABADKKK", "85475103"), buyer,
                VatTreatment.DOMESTIC, null, new BigDecimal("25"), "89.00", "0.10"));

        String text = text(document);
        assertThat(text).contains("Faktura", "Fakturanummer", "Moms pr. sats", "Hans Hansen", "Nørregade 2", "25 %",
                "89,00 DKK", "22,25 DKK", "0,03 DKK", "111,38 DKK", "+71<000020270000423+85475103<");
        assertThat(PaymentCodes.qrPayload(invoice("da", "DKK", seller("DK5000400440116243", null, "85475103"), buyer,
                VatTreatment.DOMESTIC, null, new BigDecimal("25"), "1.00"))).isEmpty();
    }

    @Test
    void isPdfA3WithEveryFontEmbedded() throws Exception {
        Party buyer = new Party("Pat", null, List.of("Street 1"), "1000", "City", "SK", null, null, null, null);
        byte[] document = pdf.render(invoice("sk", "EUR", seller("DK5000400440116243", "DABADKKK", null), buyer,
                VatTreatment.EU_B2C, null, new BigDecimal("23"), "10.00"));

        try (PDDocument doc = Loader.loadPDF(document)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part[^0-9]{1,3}3").containsPattern("pdfaid:conformance[^A-Z]{1,3}U");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
        assertThat(text(document)).contains("Faktúra – daňový doklad", "DPH štátu SK", "12,30 EUR");
    }

    @Test
    void fiCheckDigitIsModulus10() {
        assertThat(PaymentCodes.mod10("00002027000042")).isEqualTo(3);
        assertThat(PaymentCodes.mod10("7992739871")).isEqualTo(3);
    }
}
