package org.kontor.plugins.prepaidaccount;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.notices.LowBalanceNotices;
import org.kontor.plugins.prepaidaccount.topup.TopUps;

/** Builds the plugin's services from its context and settings. */
public final class PrepaidLedgers {

    private PrepaidLedgers() {
    }

    /** The ledger, sending low-balance notices through the host's mailer. */
    public static Ledger of(PluginContext context) {
        long hours = context.settings().number(PrepaidSettings.HOLD_LIFETIME_HOURS, PrepaidSettings.DEFAULT_HOLD_LIFETIME_HOURS);
        LowBalanceNotices notices = new LowBalanceNotices(context.mailer(),
                new PluginMessages(PrepaidLedgers.class.getClassLoader()), context.logger());
        return new Ledger(context.jdbi(), context.clock(), context.events(), Duration.ofHours(hours), notices);
    }

    public static TopUps topUps(PluginContext context, Ledger ledger) {
        long days = context.settings().number(PrepaidSettings.TOP_UP_DUE_DAYS, PrepaidSettings.DEFAULT_TOP_UP_DUE_DAYS);
        return new TopUps(context.jdbi(), context.clock(), context.events(), ledger, Duration.ofDays(days));
    }
}
