package org.kontor.host.addons;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/** The add-on products on offer, their prices, and the services customers booked through orders. */
public final class AddonCatalog {

    private final Jdbi jdbi;
    private final Clock clock;

    public AddonCatalog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Adds or replaces a product and its prices (currency → price). */
    public void put(AddonProduct product, Map<Currency, AddonPrice> prices) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO addon_product (id, kind, name, description, per_domain, enabled, position, "
                            + "provisioner_id, plan) VALUES (:id, :kind, :name, :description, :perDomain, :enabled, "
                            + ":position, :provisioner, :plan) "
                            + "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
                            + "description = excluded.description, per_domain = excluded.per_domain, "
                            + "enabled = excluded.enabled, position = excluded.position, "
                            + "provisioner_id = excluded.provisioner_id, plan = excluded.plan")
                    .bind("id", product.id()).bind("kind", product.kind().name()).bind("name", product.name())
                    .bind("description", product.description()).bind("perDomain", product.perDomain() ? 1 : 0)
                    .bind("enabled", product.enabled() ? 1 : 0).bind("position", product.position())
                    .bind("provisioner", product.provisionerId()).bind("plan", product.plan()).execute();
            h.createUpdate("DELETE FROM addon_price WHERE product_id = :id").bind("id", product.id()).execute();
            prices.forEach((currency, price) -> h.createUpdate("INSERT INTO addon_price (product_id, currency, "
                            + "amount_minor, period_months) VALUES (:id, :currency, :amount, :months)")
                    .bind("id", product.id()).bind("currency", currency.getCurrencyCode())
                    .bind("amount", price.amount().toMinorUnits()).bind("months", price.periodMonths()).execute());
        });
    }

    /** The enabled products, in the operator's order. */
    public List<AddonProduct> offered() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_product WHERE enabled = 1 ORDER BY position, id")
                .map((rs, ctx) -> product(rs)).list());
    }

    /** Every product, enabled or not, in the operator's order. */
    public List<AddonProduct> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_product ORDER BY position, id")
                .map((rs, ctx) -> product(rs)).list());
    }

    /** A product's prices, by currency code. */
    public Map<Currency, AddonPrice> prices(String productId) {
        Map<Currency, AddonPrice> prices = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        jdbi.useHandle(h -> h.createQuery("SELECT currency, amount_minor, period_months FROM addon_price "
                        + "WHERE product_id = :id")
                .bind("id", productId)
                .map((rs, ctx) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new AddonPrice(Money.ofMinor(rs.getLong("amount_minor"), currency), rs.getInt("period_months"));
                })
                .forEach(price -> prices.put(price.amount().currency(), price)));
        return prices;
    }

    public Optional<AddonProduct> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_product WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> product(rs)).findOne());
    }

    public Optional<AddonPrice> price(String productId, Currency currency) {
        return jdbi.withHandle(h -> h.createQuery("SELECT amount_minor, period_months FROM addon_price "
                        + "WHERE product_id = :id AND currency = :currency")
                .bind("id", productId).bind("currency", currency.getCurrencyCode())
                .map((rs, ctx) -> new AddonPrice(Money.ofMinor(rs.getLong("amount_minor"), currency),
                        rs.getInt("period_months")))
                .findOne());
    }

    /** A service booked by an order line, active from now for one period; booking the same line twice changes nothing. */
    public void activate(Handle h, String customerId, String productId, String domain, String orderId, int lineNo,
                         int periodMonths) {
        var now = clock.instant();
        h.createUpdate("INSERT INTO addon_service (id, customer_id, product_id, domain, order_id, line_no, state, "
                        + "started_at, renews_at) VALUES (:id, :customer, :product, :domain, :order, :line, 'ACTIVE', "
                        + ":now, :renews) ON CONFLICT (order_id, line_no) DO NOTHING")
                .bind("id", UUID.randomUUID().toString()).bind("customer", customerId).bind("product", productId)
                .bind("domain", domain).bind("order", orderId).bind("line", lineNo).bind("now", now.toEpochMilli())
                .bind("renews", now.atZone(ZoneOffset.UTC).plusMonths(periodMonths).toInstant().toEpochMilli())
                .execute();
    }

    /** The services a customer booked: product id → domain (null for services on no domain), active ones. */
    public List<BookedService> servicesOf(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT product_id, domain, order_id, state, started_at, renews_at "
                        + "FROM addon_service WHERE customer_id = :customer ORDER BY started_at, product_id")
                .bind("customer", customerId)
                .map((rs, ctx) -> new BookedService(rs.getString("product_id"), rs.getString("domain"),
                        rs.getString("order_id"), rs.getString("state"),
                        java.time.Instant.ofEpochMilli(rs.getLong("started_at")),
                        java.time.Instant.ofEpochMilli(rs.getLong("renews_at"))))
                .list());
    }

    /** A service a customer booked. */
    public record BookedService(String productId, String domain, String orderId, String state,
                                java.time.Instant startedAt, java.time.Instant renewsAt) {
    }

    private static AddonProduct product(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AddonProduct(rs.getString("id"), ChargeKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("description"), rs.getInt("per_domain") == 1, rs.getInt("enabled") == 1,
                rs.getInt("position"), rs.getString("provisioner_id"), rs.getString("plan"));
    }
}
