package org.kontor.host.vouchers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * The voucher tables (V9): {@code voucher} with its use counter, {@code voucher_customer_use} with one counter per
 * signed-in customer, and {@code voucher_redemption(_line)} with what each order got. The counters only move through
 * conditional statements ({@link #countUse}, {@link #countCustomerUse}), so two transactions can never both take the
 * last use, on SQLite (one writer at a time) as on PostgreSQL (the row lock makes the second re-read the count).
 */
public final class VoucherStore {

    private static final String COLUMNS = "code, description, enabled, percent_bp, amount_minor, currency, valid_from, "
            + "valid_until, max_uses, max_uses_per_customer, tlds, kinds, minimum_minor, minimum_currency, used, "
            + "created_at, updated_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public VoucherStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Checks a voucher as {@link #create} and {@link #put} do, without storing it.
     *
     * @throws VoucherValidationException naming every refused field
     */
    public void check(Voucher voucher) {
        VoucherValidator.check(voucher);
    }

    /**
     * Adds a voucher that does not exist yet.
     *
     * @return false when a voucher with the code exists (it is left as it is)
     * @throws VoucherValidationException naming every refused field
     */
    public boolean create(Voucher voucher) {
        VoucherValidator.check(voucher);
        return jdbi.withHandle(h -> bindDefinition(h.createUpdate("INSERT INTO voucher (" + COLUMNS + ") VALUES (:code, "
                + ":description, :enabled, :percent, :amount, :currency, :from, :until, :maxUses, :maxPerCustomer, :tlds, "
                + ":kinds, :minimum, :minimumCurrency, 0, :now, :now) ON CONFLICT (code) DO NOTHING"), voucher).execute()) == 1;
    }

    /**
     * Adds a voucher or replaces its definition; how often it was used stays.
     *
     * @return whether it was added
     * @throws VoucherValidationException naming every refused field
     */
    public boolean put(Voucher voucher) {
        VoucherValidator.check(voucher);
        return jdbi.inTransaction(h -> {
            boolean exists = find(h, voucher.code()).isPresent();
            bindDefinition(h.createUpdate("INSERT INTO voucher (" + COLUMNS + ") VALUES (:code, :description, :enabled, "
                    + ":percent, :amount, :currency, :from, :until, :maxUses, :maxPerCustomer, :tlds, :kinds, :minimum, "
                    + ":minimumCurrency, 0, :now, :now) ON CONFLICT (code) DO UPDATE SET description = excluded.description, "
                    + "enabled = excluded.enabled, percent_bp = excluded.percent_bp, amount_minor = excluded.amount_minor, "
                    + "currency = excluded.currency, valid_from = excluded.valid_from, valid_until = excluded.valid_until, "
                    + "max_uses = excluded.max_uses, max_uses_per_customer = excluded.max_uses_per_customer, "
                    + "tlds = excluded.tlds, kinds = excluded.kinds, minimum_minor = excluded.minimum_minor, "
                    + "minimum_currency = excluded.minimum_currency, updated_at = excluded.updated_at"), voucher).execute();
            return !exists;
        });
    }

    /** Enables or disables a voucher; whether there is one with the code. */
    public boolean setEnabled(String code, boolean enabled) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE voucher SET enabled = :enabled, updated_at = :now WHERE code = :code")
                .bind("enabled", enabled ? 1 : 0).bind("now", clock.millis()).bind("code", Voucher.normalise(code))
                .execute()) > 0;
    }

    public Optional<StoredVoucher> find(String code) {
        return jdbi.withHandle(h -> find(h, code));
    }

    public Optional<StoredVoucher> find(Handle h, String code) {
        return h.createQuery("SELECT " + COLUMNS + " FROM voucher WHERE code = :code")
                .bind("code", Voucher.normalise(code)).map((rs, ctx) -> stored(rs)).findOne();
    }

    /** Every voucher by code. */
    public List<StoredVoucher> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM voucher ORDER BY code")
                .map((rs, ctx) -> stored(rs)).list());
    }

    /** How often a customer used a voucher (uses given back not counted). */
    int customerUses(Handle h, String code, String customerId) {
        return h.createQuery("SELECT used FROM voucher_customer_use WHERE code = :code AND customer_id = :customer")
                .bind("code", code).bind("customer", customerId).mapTo(Integer.class).findOne().orElse(0);
    }

    /** Counts one use if the voucher is enabled and below its limit; whether it was counted. */
    boolean countUse(Handle h, String code, Instant now) {
        return h.createUpdate("UPDATE voucher SET used = used + 1, updated_at = :now WHERE code = :code AND enabled = 1 "
                        + "AND (max_uses IS NULL OR used < max_uses)")
                .bind("code", code).bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Counts one use by a customer if below the limit (null: none); whether it was counted. */
    boolean countCustomerUse(Handle h, String code, String customerId, Integer limit) {
        return h.createUpdate("INSERT INTO voucher_customer_use (code, customer_id, used) VALUES (:code, :customer, 1) "
                        + "ON CONFLICT (code, customer_id) DO UPDATE SET used = voucher_customer_use.used + 1 "
                        + "WHERE voucher_customer_use.used < :limit")
                .bind("code", code).bind("customer", customerId).bind("limit", limit == null ? Integer.MAX_VALUE : limit)
                .execute() == 1;
    }

    /** Gives one use back (and the customer's, when there is one). */
    void uncount(Handle h, String code, String customerId) {
        h.createUpdate("UPDATE voucher SET used = used - 1 WHERE code = :code AND used > 0").bind("code", code).execute();
        if (customerId != null) {
            h.createUpdate("UPDATE voucher_customer_use SET used = used - 1 WHERE code = :code AND customer_id = :customer "
                    + "AND used > 0").bind("code", code).bind("customer", customerId).execute();
        }
    }

    // ---------------------------------------------------------------- redemptions

    /** An order's redemption. */
    record Redemption(String orderId, String code, String customerId, VoucherQuote quote, Instant releasedAt) {

        boolean active() {
            return releasedAt == null;
        }
    }

    Optional<Redemption> redemption(Handle h, String orderId) {
        Optional<Redemption> head = h.createQuery("SELECT order_id, code, customer_id, discount_minor, currency, released_at "
                        + "FROM voucher_redemption WHERE order_id = :order")
                .bind("order", orderId)
                .map((rs, ctx) -> {
                    long released = rs.getLong("released_at");
                    boolean open = rs.wasNull();
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Redemption(rs.getString("order_id"), rs.getString("code"), rs.getString("customer_id"),
                            new VoucherQuote(rs.getString("code"), Money.ofMinor(rs.getLong("discount_minor"), currency), Map.of()),
                            open ? null : Instant.ofEpochMilli(released));
                }).findOne();
        return head.map(r -> {
            Currency currency = r.quote().discount().currency();
            Map<String, Money> lines = new LinkedHashMap<>();
            h.createQuery("SELECT line_id, discount_minor FROM voucher_redemption_line WHERE order_id = :order ORDER BY position")
                    .bind("order", orderId)
                    .map((rs, ctx) -> lines.put(rs.getString("line_id"), Money.ofMinor(rs.getLong("discount_minor"), currency)))
                    .list();
            return new Redemption(r.orderId(), r.code(), r.customerId(), new VoucherQuote(r.code(), r.quote().discount(), lines),
                    r.releasedAt());
        });
    }

    /**
     * Takes the order id for a redemption (a released one of the same order is replaced); false when an active
     * redemption holds it. On PostgreSQL a concurrent claim of the same id waits here until the other transaction ends.
     */
    boolean claim(Handle h, String orderId, String code, String customerId, Currency currency, Instant now) {
        h.createUpdate("DELETE FROM voucher_redemption_line WHERE order_id = :order AND EXISTS (SELECT 1 FROM "
                + "voucher_redemption r WHERE r.order_id = :order AND r.released_at IS NOT NULL)").bind("order", orderId).execute();
        h.createUpdate("DELETE FROM voucher_redemption WHERE order_id = :order AND released_at IS NOT NULL")
                .bind("order", orderId).execute();
        return h.createUpdate("INSERT INTO voucher_redemption (order_id, code, customer_id, discount_minor, currency, "
                        + "redeemed_at) VALUES (:order, :code, :customer, 0, :currency, :now) ON CONFLICT (order_id) DO NOTHING")
                .bind("order", orderId).bind("code", code).bind("customer", customerId)
                .bind("currency", currency.getCurrencyCode()).bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Writes the discount of a claimed redemption, in all and per line. */
    void recordDiscount(Handle h, String orderId, VoucherQuote quote) {
        h.createUpdate("UPDATE voucher_redemption SET discount_minor = :discount, currency = :currency WHERE order_id = :order")
                .bind("discount", quote.discount().toMinorUnits()).bind("currency", quote.discount().currencyCode())
                .bind("order", orderId).execute();
        int position = 0;
        for (Map.Entry<String, Money> line : quote.discountByLine().entrySet()) {
            h.createUpdate("INSERT INTO voucher_redemption_line (order_id, line_id, discount_minor, position) "
                            + "VALUES (:order, :line, :discount, :position)")
                    .bind("order", orderId).bind("line", line.getKey()).bind("discount", line.getValue().toMinorUnits())
                    .bind("position", position++).execute();
        }
    }

    /** Marks an order's redemption given back; whether it was active until now. */
    boolean markReleased(Handle h, String orderId, Instant now) {
        return h.createUpdate("UPDATE voucher_redemption SET released_at = :now WHERE order_id = :order AND released_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("order", orderId).execute() == 1;
    }

    // ---------------------------------------------------------------- mapping

    private Update bindDefinition(Update update, Voucher v) {
        Integer percent = null;
        Long amount = null;
        String currency = null;
        if (v.discount() instanceof Discount.Percent p) {
            percent = p.percent().movePointRight(2).intValueExact();
        } else if (v.discount() instanceof Discount.Amount a) {
            amount = a.amount().toMinorUnits();
            currency = a.amount().currencyCode();
        }
        return update.bind("code", v.code()).bind("description", v.description()).bind("enabled", v.enabled() ? 1 : 0)
                .bind("percent", percent).bind("amount", amount).bind("currency", currency)
                .bind("from", v.validFrom() == null ? null : v.validFrom().toEpochMilli())
                .bind("until", v.validUntil() == null ? null : v.validUntil().toEpochMilli())
                .bind("maxUses", v.maxUses()).bind("maxPerCustomer", v.maxUsesPerCustomer())
                .bind("tlds", String.join(",", new TreeSet<>(v.tlds())))
                .bind("kinds", v.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("minimum", v.minimumOrder() == null ? null : v.minimumOrder().toMinorUnits())
                .bind("minimumCurrency", v.minimumOrder() == null ? null : v.minimumOrder().currencyCode())
                .bind("now", clock.millis());
    }

    private static StoredVoucher stored(ResultSet rs) throws SQLException {
        Discount discount;
        int percent = rs.getInt("percent_bp");
        if (!rs.wasNull()) {
            discount = new Discount.Percent(BigDecimal.valueOf(percent, 2));
        } else {
            discount = new Discount.Amount(Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))));
        }
        long minimum = rs.getLong("minimum_minor");
        Money minimumOrder = rs.wasNull() ? null : Money.ofMinor(minimum, Currency.getInstance(rs.getString("minimum_currency")));
        Voucher voucher = new Voucher(rs.getString("code"), rs.getString("description"), rs.getInt("enabled") == 1, discount,
                instant(rs, "valid_from"), instant(rs, "valid_until"), integer(rs, "max_uses"),
                integer(rs, "max_uses_per_customer"), split(rs.getString("tlds")),
                split(rs.getString("kinds")).stream().map(ChargeKind::valueOf).collect(Collectors.toSet()), minimumOrder);
        return new StoredVoucher(voucher, rs.getInt("used"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Set<String> split(String list) {
        return list == null || list.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(list.split(",")));
    }
}
