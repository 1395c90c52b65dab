package org.kontor.plugins.prepaidaccount.ledger;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * What a reseller sets for their account (PA-12).
 *
 * @param notifyEmail         where notices go; null for none
 * @param lowBalanceThreshold a notice is sent once each time a movement takes the balance below it; null for none
 * @param upcomingNotices     whether to send notices about upcoming payments (their due dates apply anyway)
 * @param autoRenew           renew domains automatically rather than on request
 * @param language            the language of the notices, e.g. {@code da}
 */
public record AccountSettings(String notifyEmail, Money lowBalanceThreshold, boolean upcomingNotices, boolean autoRenew,
                              String language) {

    public AccountSettings {
        notifyEmail = notifyEmail == null || notifyEmail.isBlank() ? null : notifyEmail.strip();
        language = Objects.requireNonNullElse(language, "en");
        if (lowBalanceThreshold != null && lowBalanceThreshold.isNegative()) {
            throw new LedgerException(LedgerException.Reason.INVALID, "the low-balance threshold cannot be negative");
        }
        if (notifyEmail != null && !notifyEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new LedgerException(LedgerException.Reason.INVALID, "'" + notifyEmail + "' is not an e-mail address");
        }
    }
}
