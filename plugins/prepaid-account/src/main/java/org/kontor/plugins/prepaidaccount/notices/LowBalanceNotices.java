package org.kontor.plugins.prepaidaccount.notices;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.MovementListener;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.slf4j.Logger;

/**
 * One low-balance notice per crossing (PA-12): when a movement takes the balance below the account's threshold
 * and no notice went out since the balance was last at or above it, an e-mail is queued after the movement
 * commits; a movement that lifts the balance to the threshold or above arms the notice again. The flag
 * {@code low_balance_notified} changes in the movement's transaction, under the account's lock.
 */
public final class LowBalanceNotices implements MovementListener {

    private final Mailer mailer;
    private final PluginMessages messages;
    private final Logger log;

    public LowBalanceNotices(Mailer mailer, PluginMessages messages, Logger log) {
        this.mailer = mailer;
        this.messages = messages;
        this.log = log;
    }

    @Override
    public void moved(Handle transaction, Entry entry, Money threshold) {
        if (threshold == null) {
            return;
        }
        Map<String, Object> row = transaction.createQuery("SELECT low_balance_notified, notice_language, notify_email, "
                        + "payment_reference FROM prepaid_account_account WHERE id = :id")
                .bind("id", entry.accountId()).mapToMap().one();
        boolean notified = ((Number) row.get("low_balance_notified")).intValue() == 1;
        boolean below = entry.balanceAfter().isLessThan(threshold);
        if (below == notified) {
            return;
        }
        transaction.createUpdate("UPDATE prepaid_account_account SET low_balance_notified = :notified WHERE id = :id")
                .bind("notified", below ? 1 : 0).bind("id", entry.accountId()).execute();
        String email = (String) row.get("notify_email");
        if (below && email != null) {
            MailMessage notice = notice(email, threshold, (String) row.get("payment_reference"), entry,
                    (String) row.get("notice_language"));
            transaction.afterCommit(() -> send(notice, entry.accountId()));
        }
    }

    private MailMessage notice(String email, Money threshold, String paymentReference, Entry entry, String language) {
        String lang = language == null ? "en" : language;
        MoneyFormat money = MoneyFormat.of(lang);
        String subject = messages.get(lang, "p.prepaid-account.notice.low.subject");
        String body = messages.format(lang, "p.prepaid-account.notice.low.body", money.format(entry.balanceAfter()),
                money.format(threshold), paymentReference);
        return MailMessage.text(email, subject, body);
    }

    private void send(MailMessage notice, String accountId) {
        try {
            mailer.send(notice);
        } catch (RuntimeException e) {
            // The movement has committed; a lost notice must not turn it into an error for the caller.
            log.error("The low-balance notice for account {} could not be queued", accountId, e);
        }
    }
}
