package org.kontor.host.billing.prepaid;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/** The {@code prepaid_draw} table: every draw from a prepaid account, once per ledger entry. */
public final class PrepaidDraws {

    private final Jdbi jdbi;
    private final ZoneId zone;

    /** @param zone the billing zone, whose calendar decides the month a draw belongs to */
    public PrepaidDraws(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** Records a draw; a draw recorded before is left as it is. Whether it was new. */
    public boolean record(PrepaidCharged event) {
        return jdbi.withHandle(h -> record(h, event));
    }

    /** As {@link #record(PrepaidCharged)}, on the caller's handle. */
    public boolean record(Handle h, PrepaidCharged event) {
        String domain = event.domain() == null ? null : event.domain().unicode();
        return h.createUpdate("INSERT INTO prepaid_draw (entry_id, account_id, owner_id, month, kind, domain, period, "
                        + "description, net_minor, currency, charged_at) VALUES (:entry, :account, :owner, :month, "
                        + ":kind, :domain, :period, :description, :net, :currency, :at) ON CONFLICT (entry_id) DO NOTHING")
                .bind("entry", event.entryId()).bind("account", event.accountId()).bind("owner", event.ownerId())
                .bind("month", monthOf(event.chargedAt()).toString()).bind("kind", event.kind().name())
                .bind("domain", domain).bind("period", event.period() == null ? null : event.period().toString())
                .bind("description", describe(event.kind(), domain, event.period()))
                // amount is what the ledger was debited: the net the reseller's advances paid for
                .bind("net", event.amount().toMinorUnits()).bind("currency", event.amount().currencyCode())
                .bind("at", event.chargedAt().toEpochMilli()).execute() == 1;
    }

    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    /** The count and sum of an account's draws in a month. */
    public Totals totals(Handle h, String accountId, YearMonth month) {
        return h.createQuery("SELECT COUNT(*) AS draws, COALESCE(SUM(net_minor), 0) AS net FROM prepaid_draw "
                        + "WHERE account_id = :account AND month = :month")
                .bind("account", accountId).bind("month", month.toString())
                .map((rs, ctx) -> new Totals(rs.getInt("draws"), rs.getLong("net"))).one();
    }

    /** An account's draws in a month, in the order they were made. */
    public List<Draw> of(Handle h, String accountId, YearMonth month) {
        return h.createQuery("SELECT entry_id, kind, domain, period, description, net_minor, currency, charged_at "
                        + "FROM prepaid_draw WHERE account_id = :account AND month = :month ORDER BY charged_at, entry_id")
                .bind("account", accountId).bind("month", month.toString())
                .map((rs, ctx) -> new Draw(rs.getString("entry_id"), ChargeKind.valueOf(rs.getString("kind")),
                        rs.getString("domain"), rs.getString("period"), rs.getString("description"),
                        Money.ofMinor(rs.getLong("net_minor"), Currency.getInstance(rs.getString("currency"))),
                        Instant.ofEpochMilli(rs.getLong("charged_at"))))
                .list();
    }

    /** In English, for listings and exports; documents word the draw in their own language. */
    static String describe(ChargeKind kind, String domain, Period period) {
        StringBuilder text = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (domain != null) {
            text.append(' ').append(domain);
        }
        if (period != null) {
            text.append(" (").append(period).append(')');
        }
        return text.toString();
    }

    /** @param period e.g. {@code 1y} or {@code 3m}, or null */
    public record Draw(String entryId, ChargeKind kind, String domain, String period, String description, Money net,
                       Instant chargedAt) {
    }

    public record Totals(int draws, long netMinor) {
    }
}
