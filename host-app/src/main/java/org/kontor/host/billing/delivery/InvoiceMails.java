package org.kontor.host.billing.delivery;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.kontor.api.mail.MailAttachment;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceTexts;

/**
 * The e-mail that carries a document: subject and text from the theme's {@code invoice.mail.subject.<SERIES>} and
 * {@code invoice.mail.text.<SERIES>} in the document's language, the PDF attached as {@code <number>.pdf}. The text's
 * arguments: {0} the buyer's name, {1} the number, {2} the total, {3} the due date, {4} the seller, {5} the number of
 * the corrected document (credit notes).
 */
final class InvoiceMails {

    static final String PDF = "application/pdf";

    private final InvoiceTexts texts;

    InvoiceMails(InvoiceTexts texts) {
        this.texts = texts;
    }

    MailMessage message(Invoice invoice, String to, byte[] pdf) {
        String language = invoice.language();
        Locale locale = Locale.forLanguageTag(language);
        String series = invoice.series().name();
        String seller = invoice.seller().party().displayName();
        String dueDate = invoice.dueDate() == null ? ""
                : invoice.dueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        String subject = texts.text(language, "invoice.mail.subject." + series, invoice.number(), seller);
        String text = texts.text(language, "invoice.mail.text." + series, invoice.buyer().displayName(),
                invoice.number(), amount(invoice.gross(), locale), dueDate, seller,
                invoice.correctsNumber() == null ? "" : invoice.correctsNumber());
        return new MailMessage(List.of(to), subject, text, null, invoice.seller().party().email(),
                List.of(new MailAttachment(fileName(invoice), PDF, pdf)));
    }

    static String fileName(Invoice invoice) {
        return invoice.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private static String amount(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(Math.max(digits, 0));
        format.setMaximumFractionDigits(Math.max(digits, 0));
        BigDecimal amount = money.amount().abs();
        return format.format(amount) + " " + money.currency().getCurrencyCode();
    }
}
