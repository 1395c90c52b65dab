package org.kontor.host.billing.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
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
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** Documents to render in tests, the default theme, and reading a PDF back (text, QR code). */
final class Documents {

    static final LocalDate DATE = LocalDate.of(2027, 3, 15);

    private Documents() {
    }

    static InvoicePdf pdf() throws IOException {
        Path themes = Files.createTempDirectory("kontor-invoice-themes");
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
        ActiveTheme theme = new ThemeEngine(new ThemeRegistry(themes, Documents.class.getClassLoader()), none,
                () -> "default", Duration.ofSeconds(5)).active();
        return new InvoicePdf(() -> theme);
    }

    static Seller seller(String iban, String bic, String fiCreditor) {
        return new Seller(new Party("Kontor", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), iban, bic, "Danske Bank", fiCreditor);
    }

    static Seller germanSeller() {
        return new Seller(new Party("Max Kontor", "Kontor Deutschland GmbH", List.of("Friedrichstraße 10"), "10117",
                "Berlin", "DE", "DE811907980", "HRB 123456", "27/123/45678", null), "DE89370400440532013000",
                "COBADEFFXXX", "Commerzbank", null);
    }

    static Seller czechSeller() {
        return new Seller(new Party("Kontor", "Kontor s.r.o.", List.of("Vodičkova 12"), "110 00", "Praha 1", "CZ",
                "CZ27082440", "27082440", null, null), "CZ6508000000192000145399", "GIBACZPX", "Česká spořitelna", null);
    }

    static Seller slovakSeller() {
        return new Seller(new Party("Kontor", "Kontor s. r. o.", List.of("Obchodná 5"), "811 06", "Bratislava", "SK",
                "SK2020317068", "35757442", "2020317068", null), "SK3112000000198742637541", "SUBASKBX",
                "Všeobecná úverová banka", null);
    }

    static Party business(String country, String vatId, String registration) {
        return new Party("Erika Mustermann", "Muster " + country + " GmbH", List.of("Hauptstraße 5"), "10115",
                "Berlin", country, vatId, registration, null, null);
    }

    static Party consumer(String country) {
        return new Party("Hans Hansen", null, List.of("Nørregade 2"), "8000", "Aarhus C", country, null, null, null,
                null);
    }

    static InvoiceLine line(int position, String description, String quantity, String unitPrice, String currency,
                            String rate) {
        return InvoiceLine.priced(position, description, new BigDecimal(quantity), Money.of(unitPrice, currency),
                new BigDecimal(rate));
    }

    /** A document with totals summed from its lines. */
    static Invoice document(Series series, String number, String language, String currency, Seller seller, Party buyer,
                            VatTreatment treatment, String note, List<InvoiceLine> lines, String paid,
                            String correctsNumber) {
        Currency cur = Currency.getInstance(currency);
        Money net = Money.zero(cur);
        Money vat = Money.zero(cur);
        for (InvoiceLine line : lines) {
            net = net.plus(line.net());
            vat = vat.plus(line.vat());
        }
        Money gross = net.plus(vat);
        Money paidMoney = paid == null ? Money.zero(cur) : paid.equals("all") ? gross : Money.of(paid, currency);
        return new Invoice("id-" + number, series, number, paidMoney.equals(gross) && gross.isPositive()
                ? InvoiceState.PAID : InvoiceState.ISSUED, "c", null, language, cur, DATE, DATE.minusDays(2),
                DATE.plusDays(14), seller, buyer, treatment, buyer.countryCode(), note, "NONE", List.<DraftLine>of(),
                new ArrayList<>(lines), net, vat, gross, paidMoney, "2027000042", null, null,
                correctsNumber == null ? null : "id-" + correctsNumber, correctsNumber, null);
    }

    static String text(byte[] document) throws IOException {
        try (PDDocument doc = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The QR code on the first page, decoded; empty when the page has no image. */
    static Optional<String> qr(byte[] document) throws IOException, NotFoundException {
        try (PDDocument doc = Loader.loadPDF(document)) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    var source = new BufferedImageLuminanceSource(image.getImage());
                    return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
                }
            }
        }
        return Optional.empty();
    }
}
