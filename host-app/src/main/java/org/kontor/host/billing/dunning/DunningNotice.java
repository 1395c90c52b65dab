package org.kontor.host.billing.dunning;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.money.Money;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;

/**
 * The notice a customer gets: one plain-text e-mail in their language that lists each invoice with what is outstanding,
 * the fees and the interest charged so far and what to pay, and the total per currency. Subject and wording follow the
 * highest level among the invoices.
 */
public final class DunningNotice {

    private final InvoiceTexts texts;
    private final Seller seller;

    public DunningNotice(InvoiceTexts texts, Seller seller) {
        this.texts = texts;
        this.seller = seller;
    }

    /** The e-mail to {@code buyer} (whose {@code email} it goes to) listing {@code invoices}. */
    public MailMessage compose(String language, Party buyer, List<InvoicePlan> invoices) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a notice lists at least one invoice");
        }
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DunningLevel level = invoices.stream().map(InvoicePlan::level).max(Comparator.naturalOrder()).orElseThrow();
        StringBuilder body = new StringBuilder();
        body.append(texts.text(language, "dunning.greeting", buyer.name())).append("\n\n");
        body.append(texts.text(language, "dunning.intro." + level.name())).append("\n\n");
        Map<String, Money> totals = new TreeMap<>();
        for (InvoicePlan plan : invoices) {
            body.append(texts.text(language, "dunning.line", plan.invoice().number(),
                    dates.format(plan.invoice().dueDate()), money(plan.outstanding(), locale),
                    money(plan.earlierFees().plus(plan.fee()), locale),
                    money(plan.earlierInterest().plus(plan.interest()), locale), money(plan.toPay(), locale)))
                    .append('\n');
            totals.merge(plan.invoice().currency().getCurrencyCode(), plan.toPay(), Money::plus);
        }
        body.append('\n');
        for (Money total : totals.values()) {
            body.append(texts.text(language, "dunning.total", money(total, locale))).append('\n');
        }
        if (seller.iban() != null) {
            body.append('\n').append(texts.text(language, "dunning.payment", seller.iban(),
                    seller.bic() == null ? "" : seller.bic())).append('\n');
        }
        body.append('\n').append(texts.text(language, "dunning.closing")).append('\n')
                .append(seller.party().name()).append('\n');
        return new MailMessage(List.of(buyer.email()), texts.text(language, "dunning.subject." + level.name()),
                body.toString(), null, seller.party().email(), List.of());
    }

    /** {@code 1.234,50 DKK} in Danish, {@code 1,234.50 DKK} in English. */
    static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(0, Currency.getInstance(money.currencyCode()).getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount()).replace('\u00a0', ' ').replace('\u202f', ' ') + " " + money.currencyCode();
    }
}
