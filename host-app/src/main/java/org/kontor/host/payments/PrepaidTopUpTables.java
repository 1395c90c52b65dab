package org.kontor.host.payments;

import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;

/**
 * Reads open top-ups from the prepaid account plugin's tables (read only; the plugin marks a top-up paid itself when it
 * hears of the payment). Without the plugin's tables there are no top-ups.
 */
public final class PrepaidTopUpTables implements TopUpDirectory {

    private final Jdbi jdbi;

    public PrepaidTopUpTables(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<OpenTopUp> open(String topUpId) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT t.id, a.owner_id, t.net_minor, a.currency "
                            + "FROM prepaid_account_top_up t JOIN prepaid_account_account a ON a.id = t.account_id "
                            + "WHERE t.id = :id AND t.state = 'REQUESTED'")
                    .bind("id", topUpId)
                    .map((rs, ctx) -> new OpenTopUp(rs.getString("id"), rs.getString("owner_id"),
                            Money.ofMinor(rs.getLong("net_minor"), Currency.getInstance(rs.getString("currency")))))
                    .findOne());
        } catch (org.jdbi.v3.core.JdbiException e) {
            // the prepaid account plugin was never installed: its tables do not exist
            return Optional.empty();
        }
    }
}
