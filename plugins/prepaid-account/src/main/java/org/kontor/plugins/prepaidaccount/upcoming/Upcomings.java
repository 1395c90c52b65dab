package org.kontor.plugins.prepaidaccount.upcoming;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;

/** Builds {@link UpcomingPayments} from the plugin's context and settings. */
public final class Upcomings {

    private Upcomings() {
    }

    public static UpcomingPayments of(PluginContext context) {
        return of(context, PrepaidLedgers.of(context));
    }

    public static UpcomingPayments of(PluginContext context, Ledger ledger) {
        long dueDays = context.settings().number(UpcomingSettings.DUE_DAYS, UpcomingSettings.DEFAULT_DUE_DAYS);
        return new UpcomingPayments(context.jdbi(), context.clock(), context.domainPortfolio(), ledger,
                Duration.ofDays(dueDays), context.mailer(), new PluginMessages(Upcomings.class.getClassLoader()),
                context.logger());
    }

    /** How long before expiry the automatic renewal renews. */
    public static Duration autoRenewAhead(PluginContext context) {
        return Duration.ofDays(context.settings().number(UpcomingSettings.AUTO_RENEW_DAYS,
                UpcomingSettings.DEFAULT_AUTO_RENEW_DAYS));
    }
}
