package org.kontor.host.billing.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import freemarker.template.TemplateException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTotal;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.einvoice.CrossIndustryInvoice;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kontor.host.themes.ActiveTheme;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * An issued document as PDF/A-3u: the active theme's {@code billing/invoice.ftlh} gets the document with every amount
 * and date already formatted for its language and the texts under {@code t}, and the XHTML it renders is laid out with
 * the embedded DejaVu Sans (a subset for European scripts, see {@code fonts/README.md}). A document to a business buyer carries its
 * EN 16931 XML as {@code factur-x.xml} ({@link CrossIndustryInvoice}), which makes the PDF a Factur-X invoice.
 *
 * <p>Thread-safe (a billing run renders from several threads): every document gets its own renderer and PDF; the
 * fonts are parsed once per thread, the template is FreeMarker's cached one.
 */
public final class InvoicePdf {

    public static final String TEMPLATE = "billing/invoice.ftlh";

    private static final String[] TEXT_KEYS = {"number", "issueDate", "supplyDate", "dueDate", "seller", "buyer",
            "vatId", "registrationNumber", "taxNumber", "position", "description", "quantity", "unitPrice", "vatRate",
            "net", "vatAmount", "gross", "total", "vatSummary", "bank", "paymentReference", "fik", "qr", "supplies",
            "advancesDeducted", "amountToPay"};

    private final Supplier<ActiveTheme> theme;
    private final byte[] regular;
    private final byte[] bold;
    private final byte[] srgb;
    private final CrossIndustryInvoice facturX = new CrossIndustryInvoice();
    /**
     * The fonts parsed once per rendering thread: parsing them for every document was the largest single cost (a third
     * of a document's time with the full DejaVu fonts). A parsed TrueTypeFont reads its tables lazily from its buffer,
     * so it is not shared between threads; PDType0Font.load with a TrueTypeFont leaves it open after the document.
     */
    private final ThreadLocal<Faces> faces;
    /** A DocumentBuilder is not thread-safe; one per rendering thread. */
    private final ThreadLocal<DocumentBuilder> xhtmlParser;

    public InvoicePdf(Supplier<ActiveTheme> theme) {
        this.theme = theme;
        this.regular = resource("fonts/DejaVuSansSubset.ttf");
        this.bold = resource("fonts/DejaVuSansSubset-Bold.ttf");
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        this.faces = ThreadLocal.withInitial(() -> new Faces(font(regular), font(bold)));
        DocumentBuilderFactory parsers = xhtmlParsers();
        this.xhtmlParser = ThreadLocal.withInitial(() -> {
            try {
                return parsers.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!(XRLog.getLoggerImpl() instanceof RendererLog)) {
            XRLog.setLoggerImpl(new RendererLog());
        }
    }

    /** The document's PDF; a draft has no document. */
    public byte[] render(Invoice invoice) {
        if (!invoice.state().isIssued()) {
            throw new IllegalArgumentException("invoice " + invoice.id() + " is a draft and has no document yet");
        }
        ActiveTheme active = theme.get();
        Map<String, Object> model = model(invoice, active);
        String xhtml;
        try {
            xhtml = active.render(TEMPLATE, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the invoice template failed: " + e.getMessage(), e);
        }
        byte[] xml = CrossIndustryInvoice.appliesTo(invoice) ? facturX.write(invoice) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument()) {
            Faces faces = this.faces.get();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // PDF/A mode keeps openhtmltopdf from creating its non-embedded built-in fonts for every document; the XMP it
            // writes is then replaced by PdfA3Parts' (which adds the Factur-X schema where there is an e-invoice)
            builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
            builder.useColorProfile(srgb);
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.regular(), true)), "DejaVu Sans", 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.bold(), true)), "DejaVu Sans", 700,
                    FontStyle.NORMAL, true);
            builder.withW3cDocument(parse(xhtml), null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            Instant created = invoice.issuedAt() != null ? invoice.issuedAt()
                    : invoice.issueDate().atStartOfDay().toInstant(ZoneOffset.UTC);
            PdfA3Parts.apply(document, model.get("title") + " " + invoice.number(), invoice.language(), created, xml,
                    "INVOICE");
            // object streams would save little (the page content is compressed either way) and cost time per document
            document.save(out, CompressParameters.NO_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The template's XHTML as DOM. openhtmltopdf's own parsing creates a JAXP transformer per document (a service
     * lookup through the class path each time) and copies the parse into a DOM with it.
     */
    private Document parse(String xhtml) {
        try {
            DocumentBuilder parser = xhtmlParser.get();
            parser.reset();
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new IllegalStateException("the invoice template does not give well-formed XHTML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    /** The Factur-X XML a document embeds, or empty when its buyer is not a business. */
    public Optional<byte[]> eInvoice(Invoice invoice) {
        return CrossIndustryInvoice.appliesTo(invoice) ? Optional.of(facturX.write(invoice))
                : Optional.empty();
    }

    private Map<String, Object> model(Invoice invoice, ActiveTheme active) {
        String language = invoice.language();
        Locale locale = Locale.forLanguageTag(language);
        Formats formats = new Formats(locale);
        Map<String, String> t = new HashMap<>();
        for (String key : TEXT_KEYS) {
            t.put(key, active.messages().get(language, "invoice." + key));
        }
        String title = active.messages().get(language, "invoice.title." + invoice.series().name());
        t.put("title", title);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(language.equals("en") ? "d MMM yyyy" : "d. M. yyyy", locale);
        // a settlement lists what was supplied, then the advance payments it deducts (its negative lines)
        boolean splitAdvances = invoice.series() == Series.SETTLEMENT;
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> advances = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            Map<String, Object> row = new HashMap<>();
            row.put("position", line.position());
            row.put("description", line.description());
            row.put("quantity", formats.number(line.quantity()));
            row.put("unitPrice", formats.money(line.unitPrice()));
            row.put("vatRate", formats.number(line.vatRate()) + " %");
            row.put("net", formats.money(line.net()));
            row.put("vat", formats.money(line.vat()));
            row.put("gross", formats.money(line.gross()));
            (splitAdvances && line.net().isNegative() ? advances : lines).add(row);
        }
        List<Map<String, Object>> totals = new ArrayList<>();
        for (VatTotal total : invoice.vatTotals()) {
            totals.add(Map.of("rate", formats.number(total.rate()) + " %", "net", formats.money(total.net()),
                    "vat", formats.money(total.vat()), "gross", formats.money(total.gross())));
        }
        Money toPay = amountToPay(invoice);
        boolean payable = toPay.isPositive();
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("title", title);
        model.put("lang", language);
        model.put("series", invoice.series().name());
        model.put("number", invoice.number());
        model.put("corrects", invoice.correctsNumber() == null ? ""
                : active.messages().get(language, "invoice.corrects", invoice.correctsNumber()));
        model.put("issueDate", date(invoice.issueDate(), dates));
        model.put("supplyDate", date(invoice.supplyDate(), dates));
        model.put("dueDate", payable ? date(invoice.dueDate(), dates) : "");
        model.put("seller", party(invoice.seller().party()));
        Map<String, Object> bank = new HashMap<>();
        bank.put("bankName", invoice.seller().bankName());
        bank.put("iban", invoice.seller().iban());
        bank.put("bic", invoice.seller().bic());
        model.put("bank", bank);
        model.put("buyer", party(invoice.buyer()));
        model.put("lines", lines);
        model.put("advances", advances);
        model.put("vatTotals", totals);
        model.put("net", formats.money(invoice.net()));
        model.put("vat", formats.money(invoice.vat()));
        model.put("total", formats.money(invoice.gross()));
        model.put("showAmountToPay", !toPay.equals(invoice.gross()) && !invoice.gross().isNegative());
        model.put("amountToPay", formats.money(toPay));
        model.put("payable", payable);
        model.put("paidNote", switch (invoice.series()) {
            case ADVANCE_TAX_DOCUMENT, SETTLEMENT -> active.messages().get(language, "invoice.paid." + invoice.series().name());
            default -> "";
        });
        model.put("currency", invoice.currency().getCurrencyCode());
        model.put("paymentReference", invoice.paymentReference() == null ? "" : invoice.paymentReference());
        model.put("vatNote", vatNote(invoice, active));
        model.put("ossNote", invoice.vatTreatment() == VatTreatment.EU_B2C
                ? active.messages().get(language, "invoice.treatment.EU_B2C", invoice.vatCountry()) : "");
        model.put("qr", payable ? PaymentCodes.qrPayload(invoice).map(QrImages::dataUri).orElse("") : "");
        model.put("fik", payable ? PaymentCodes.fikLine(invoice).orElse("") : "");
        return model;
    }

    /**
     * What the buyer still has to pay: nothing on an advance payment's tax document (it confirms a payment received)
     * or on a settlement (the deducted advance payments settle it), nothing on a credit note, otherwise the gross
     * less what was paid.
     */
    static Money amountToPay(Invoice invoice) {
        Money zero = Money.zero(invoice.currency());
        if (invoice.series() == Series.ADVANCE_TAX_DOCUMENT || invoice.series() == Series.SETTLEMENT) {
            return zero;
        }
        Money outstanding = invoice.outstanding();
        return outstanding.isPositive() ? outstanding : zero;
    }

    /** The document's own statutory wording, or the theme's for reverse charge and export when it has none. */
    private static String vatNote(Invoice invoice, ActiveTheme active) {
        if (invoice.vatNote() != null && !invoice.vatNote().isBlank()) {
            return invoice.vatNote();
        }
        return switch (invoice.vatTreatment()) {
            case REVERSE_CHARGE -> active.messages().get(invoice.language(), "invoice.note.reverseCharge");
            case EXPORT -> active.messages().get(invoice.language(), "invoice.note.export");
            default -> "";
        };
    }

    private static Map<String, Object> party(Party party) {
        Map<String, Object> map = new HashMap<>();
        map.put("displayName", party.displayName());
        map.put("name", party.name());
        map.put("business", party.isBusiness());
        map.put("street", party.street());
        map.put("postalCode", party.postalCode());
        map.put("city", party.city());
        map.put("countryCode", party.countryCode());
        map.put("vatId", party.vatId());
        map.put("registrationNumber", party.registrationNumber());
        map.put("taxNumber", party.taxNumber());
        return map;
    }

    private static String date(LocalDate date, DateTimeFormatter format) {
        return date == null ? "" : format.format(date);
    }

    /** Number formats of one document's language (a NumberFormat is not thread-safe, so one set per document). */
    private static final class Formats {

        private final NumberFormat numbers;
        private final NumberFormat money;

        Formats(Locale locale) {
            numbers = NumberFormat.getNumberInstance(locale);
            numbers.setMaximumFractionDigits(6);
            numbers.setGroupingUsed(false);
            money = NumberFormat.getNumberInstance(locale);
        }

        String number(BigDecimal value) {
            return numbers.format(value.stripTrailingZeros());
        }

        String money(Money amount) {
            int digits = Math.max(amount.currency().getDefaultFractionDigits(), 0);
            money.setMinimumFractionDigits(digits);
            money.setMaximumFractionDigits(digits);
            // a hyphen-minus where a locale would print U+2212, so negative amounts read and search alike
            return money.format(amount.amount()).replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2212', '-')
                    + " " + amount.currencyCode();
        }
    }

    private record Faces(TrueTypeFont regular, TrueTypeFont bold) {
    }

    private static TrueTypeFont font(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
