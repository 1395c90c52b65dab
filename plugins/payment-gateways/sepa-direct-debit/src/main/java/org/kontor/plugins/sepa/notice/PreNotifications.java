package org.kontor.plugins.sepa.notice;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.kontor.api.money.Money;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.Collections;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.slf4j.Logger;

/**
 * The pre-notification the rulebook asks for before each collection: amount, due date, mandate reference and
 * creditor identifier, in the debtor's language when the mandate knows it. Sent once per collection.
 */
public final class PreNotifications {

    private final Mailer mailer;
    private final PluginMessages messages;
    private final Collections collections;
    private final Clock clock;
    private final Logger log;

    public PreNotifications(Mailer mailer, PluginMessages messages, Collections collections, Clock clock, Logger log) {
        this.mailer = mailer;
        this.messages = messages;
        this.collections = collections;
        this.clock = clock;
        this.log = log;
    }

    /** Queues the notice unless one went out already or the mandate has no e-mail address; true when queued here. */
    public boolean send(Collection collection, Mandate mandate, String creditorName, String creditorId) {
        if (collection.prenotifiedAt() != null || mandate.email() == null) {
            return false;
        }
        // Claimed before sending, so that two calls with one key at once send one notice.
        if (!collections.claimPrenotification(collection.id(), clock.instant())) {
            return false;
        }
        try {
            mailer.send(message(collection, mandate, creditorName, creditorId));
            return true;
        } catch (RuntimeException e) {
            // The collection stands; the file run tries the notice again before it submits the collection.
            collections.releasePrenotification(collection.id());
            log.error("The pre-notification of collection {} could not be queued", collection.id(), e);
            return false;
        }
    }

    MailMessage message(Collection collection, Mandate mandate, String creditorName, String creditorId) {
        String lang = Optional.ofNullable(mandate.language()).orElse("en");
        String amount = amount(lang, collection.amount());
        String due = DateTimeFormatter.ofPattern(messages.get(lang, "p.payment-sepa.date.pattern"))
                .format(collection.dueDate());
        String subject = messages.format(lang, "p.payment-sepa.prenotification.subject", amount, due);
        String body = messages.format(lang, "p.payment-sepa.prenotification.body", mandate.debtorName(), amount, due,
                mandate.reference(), creditorId, creditorName, collection.reference(), mandate.maskedIban(),
                collection.endToEndId());
        return MailMessage.text(mandate.email(), subject, body);
    }

    /** {@code 1234.50 EUR} with the language's decimal separator and no grouping. */
    static String amount(String lang, Money money) {
        DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag(lang)));
        return format.format(new BigDecimal(money.amount().toPlainString())) + " " + money.currencyCode();
    }
}
