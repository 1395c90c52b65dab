package org.kontor.plugins.prepaidaccount.monthclose;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;

/**
 * Closes every fully past month of every activated account (PA-13) by publishing {@link PrepaidMonthClosed} with
 * the month's charges, from which the billing side issues the settlement invoice with zero to pay. A month is
 * closed exactly once: the row in {@code prepaid_account_month_close} and the event are written in one transaction,
 * and a second closer's insert finds the row and publishes nothing.
 */
public final class MonthClose {

    private final Jdbi jdbi;
    private final Clock clock;
    private final EventPublisher events;
    private final Ledger ledger;
    private final ZoneId zone;

    /** @param zone where months begin and end, e.g. Europe/Prague */
    public MonthClose(Jdbi jdbi, Clock clock, EventPublisher events, Ledger ledger, ZoneId zone) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.ledger = ledger;
        this.zone = zone;
    }

    /** Closes what is due now; returns the months it closed. */
    public List<PrepaidMonthClosed> closeDueMonths() {
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        List<PrepaidMonthClosed> closed = new ArrayList<>();
        for (Account account : ledger.accounts()) {
            if (account.activatedAt() == null) {
                continue;
            }
            for (YearMonth month = YearMonth.from(account.activatedAt().atZone(zone)); month.isBefore(current);
                 month = month.plusMonths(1)) {
                YearMonth closing = month;
                PrepaidMonthClosed event = jdbi.inTransaction(h -> close(h, account, closing));
                if (event != null) {
                    closed.add(event);
                }
            }
        }
        return closed;
    }

    private PrepaidMonthClosed close(Handle h, Account account, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var totals = h.createQuery("SELECT COALESCE(SUM(amount_minor), 0) AS total, COUNT(*) AS payments "
                        + "FROM prepaid_account_entry WHERE account_id = :account AND kind = 'CHARGE' "
                        + "AND created_at >= :from AND created_at < :until")
                .bind("account", account.id()).bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong("total"), rs.getLong("payments")}).one();
        Money charged = Money.ofMinor(-totals[0], account.currency());
        int inserted = h.createUpdate("INSERT INTO prepaid_account_month_close (account_id, month, charged_minor, payments, "
                        + "closed_at) VALUES (:account, :month, :charged, :payments, :at) ON CONFLICT (account_id, month) DO NOTHING")
                .bind("account", account.id()).bind("month", month.toString()).bind("charged", charged.toMinorUnits())
                .bind("payments", (int) totals[1]).bind("at", clock.millis()).execute();
        if (inserted == 0) {
            return null;
        }
        PrepaidMonthClosed event = new PrepaidMonthClosed(account.id(), account.ownerId(), month, charged, (int) totals[1]);
        events.publish(h, event);
        return event;
    }
}
