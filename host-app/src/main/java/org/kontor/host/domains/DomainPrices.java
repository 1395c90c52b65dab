package org.kontor.host.domains;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * The table {@code domain_price}: what the host charges for a domain operation of one year, per TLD and
 * currency. The one price source: the catalog ({@code org.kontor.host.catalog}) shows and sets a TLD's prices
 * here, renewals and restores charge them.
 */
public final class DomainPrices {

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public DomainPrices(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Tells {@code listener} after each change of a price on this host, e.g. to drop pages showing prices. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public Optional<Money> price(Tld tld, ChargeKind kind, Currency currency) {
        return jdbi.withHandle(h -> h.createQuery("SELECT amount_minor FROM domain_price WHERE tld = :tld AND kind = :kind "
                        + "AND currency = :currency")
                .bind("tld", tld.ascii()).bind("kind", kind.name()).bind("currency", currency.getCurrencyCode())
                .mapTo(Long.class).findOne().map(minor -> Money.ofMinor(minor, currency)));
    }

    /** Sets (or replaces) a price. */
    public void set(Tld tld, ChargeKind kind, Money price) {
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a price must be positive, was " + price);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO domain_price (tld, kind, currency, amount_minor, updated_at) "
                        + "VALUES (:tld, :kind, :currency, :amount, :now) ON CONFLICT (tld, kind, currency) "
                        + "DO UPDATE SET amount_minor = excluded.amount_minor, updated_at = excluded.updated_at")
                .bind("tld", tld.ascii()).bind("kind", kind.name()).bind("currency", price.currencyCode())
                .bind("amount", price.toMinorUnits()).bind("now", clock.millis()).execute());
        changed();
    }

    /** One price of a TLD: what {@code kind} costs in one currency. */
    public record Price(ChargeKind kind, Money price) {
    }

    /** Every price of {@code tld}, by kind and then currency. */
    public List<Price> all(Tld tld) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kind, currency, amount_minor FROM domain_price WHERE tld = :tld "
                        + "ORDER BY kind, currency")
                .bind("tld", tld.ascii())
                .map((rs, ctx) -> new Price(ChargeKind.valueOf(rs.getString("kind")),
                        Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency")))))
                .list());
    }

    /** Removes a price; whether there was one. */
    public boolean remove(Tld tld, ChargeKind kind, Currency currency) {
        boolean removed = jdbi.withHandle(h -> h.createUpdate("DELETE FROM domain_price WHERE tld = :tld AND kind = :kind "
                        + "AND currency = :currency")
                .bind("tld", tld.ascii()).bind("kind", kind.name()).bind("currency", currency.getCurrencyCode())
                .execute()) > 0;
        changed();
        return removed;
    }
}
