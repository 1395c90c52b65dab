package org.kontor.host.billing.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import freemarker.template.TemplateException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.VatTotal;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.themes.ActiveTheme;

/**
 * An issued document as PDF/A-3u: the active theme's {@code billing/invoice.ftlh} gets the document with every amount
 * and date already formatted for its language and the texts under {@code t}, and the XHTML it renders is laid out with
 * the embedded DejaVu Sans.
 */
public final class InvoicePdf {

    public static final String TEMPLATE = "billing/invoice.ftlh";

    private static final String[] TEXT_KEYS = {"number", "issueDate", "supplyDate", "dueDate", "seller", "buyer",
            "vatId", "registrationNumber", "taxNumber", "position", "description", "quantity", "unitPrice", "vatRate",
            "net", "vatAmount", "gross", "total", "vatSummary", "bank", "paymentReference", "fik", "qr"};

    private final Supplier<ActiveTheme> theme;
    private final byte[] regular;
    private final byte[] bold;
    private final byte[] srgb;

    public InvoicePdf(Supplier<ActiveTheme> theme) {
        this.theme = theme;
        this.regular = resource("fonts/DejaVuSans.ttf");
        this.bold = resource("fonts/DejaVuSans-Bold.ttf");
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** The document's PDF; a draft has no document. */
    public byte[] render(Invoice invoice) {
        if (!invoice.state().isIssued()) {
            throw new IllegalArgumentException("invoice " + invoice.id() + " is a draft and has no document yet");
        }
        ActiveTheme active = theme.get();
        String xhtml;
        try {
            xhtml = active.render(TEMPLATE, model(invoice, active));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the invoice template failed: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
        builder.useColorProfile(srgb);
        builder.useFont(() -> new java.io.ByteArrayInputStream(regular), "DejaVu Sans", 400,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> new java.io.ByteArrayInputStream(bold), "DejaVu Sans", 700,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Map<String, Object> model(Invoice invoice, ActiveTheme active) {
        String language = invoice.language();
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> t = new HashMap<>();
        for (String key : TEXT_KEYS) {
            t.put(key, active.messages().get(language, "invoice." + key));
        }
        t.put("title", active.messages().get(language, "invoice.title." + invoice.series().name()));
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(language.equals("en") ? "d MMM yyyy" : "d. M. yyyy", locale);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", line.position());
            row.put("description", line.description());
            row.put("quantity", number(line.quantity(), locale));
            row.put("unitPrice", money(line.unitPrice(), locale));
            row.put("vatRate", number(line.vatRate(), locale) + " %");
            row.put("net", money(line.net(), locale));
            row.put("vat", money(line.vat(), locale));
            row.put("gross", money(line.gross(), locale));
            lines.add(row);
        }
        List<Map<String, Object>> totals = new ArrayList<>();
        for (VatTotal total : invoice.vatTotals()) {
            totals.add(Map.of("rate", number(total.rate(), locale) + " %", "net", money(total.net(), locale),
                    "vat", money(total.vat(), locale), "gross", money(total.gross(), locale)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("lang", language);
        model.put("number", invoice.number());
        model.put("issueDate", date(invoice.issueDate(), dates));
        model.put("supplyDate", date(invoice.supplyDate(), dates));
        model.put("dueDate", date(invoice.dueDate(), dates));
        model.put("seller", party(invoice.seller().party()));
        Map<String, Object> bank = new HashMap<>();
        bank.put("bankName", invoice.seller().bankName());
        bank.put("iban", invoice.seller().iban());
        bank.put("bic", invoice.seller().bic());
        model.put("bank", bank);
        model.put("buyer", party(invoice.buyer()));
        model.put("lines", lines);
        model.put("vatTotals", totals);
        model.put("net", money(invoice.net(), locale));
        model.put("vat", money(invoice.vat(), locale));
        model.put("total", money(invoice.gross(), locale));
        model.put("currency", invoice.currency().getCurrencyCode());
        model.put("paymentReference", invoice.paymentReference());
        model.put("vatNote", invoice.vatNote() == null ? "" : invoice.vatNote());
        model.put("ossNote", invoice.vatTreatment() == VatTreatment.EU_B2C
                ? active.messages().get(language, "invoice.treatment.EU_B2C", invoice.vatCountry()) : "");
        model.put("qr", PaymentCodes.qrPayload(invoice).map(QrImages::dataUri).orElse(""));
        model.put("fik", PaymentCodes.fikLine(invoice).orElse(""));
        return model;
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

    private static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        format.setGroupingUsed(false);
        return format.format(value.stripTrailingZeros());
    }

    private static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount()).replace('\u00a0', ' ').replace('\u202f', ' ')
                + " " + money.currencyCode();
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
