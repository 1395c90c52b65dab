package org.kontor.plugins.prepaidaccount;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;

/** Builds the plugin's ledger from its context and settings. */
final class PrepaidLedgers {

    private PrepaidLedgers() {
    }

    static Ledger of(PluginContext context) {
        long hours = context.settings().number(PrepaidSettings.HOLD_LIFETIME_HOURS, PrepaidSettings.DEFAULT_HOLD_LIFETIME_HOURS);
        return new Ledger(context.jdbi(), context.clock(), context.events(), Duration.ofHours(hours));
    }
}
