package org.kontor.host.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** Orders and their lines in the database; every change of state is a conditional update from a known state. */
public final class OrderStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public OrderStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    void insert(Handle h, Order order, String requestKey, Instant termsAcceptedAt) {
        h.createUpdate("INSERT INTO customer_order (id, customer_id, request_key, currency, subtotal_minor, discount_minor, "
                        + "total_minor, voucher_code, payment_method, state, review_reason, message, terms_accepted_at, "
                        + "placed_at, updated_at, vat_minor, vat_treatment, vat_country, vat_rate, buyer_vat_check) "
                        + "VALUES (:id, :customer, :key, :currency, :subtotal, :discount, :total, "
                        + ":voucher, :payment, :state, :review, :message, :terms, :placed, :placed, :vat, :treatment, "
                        + ":vatCountry, :rate, :check)")
                .bind("vat", order.vat().toMinorUnits()).bind("treatment", order.tax().treatment())
                .bind("vatCountry", order.tax().country()).bind("rate", order.tax().rate().toPlainString())
                .bind("check", order.tax().buyerVatCheck())
                .bind("id", order.id()).bind("customer", order.customerId()).bind("key", requestKey)
                .bind("currency", order.currency().getCurrencyCode())
                .bind("subtotal", order.subtotal().toMinorUnits()).bind("discount", order.discount().toMinorUnits())
                .bind("total", order.total().toMinorUnits()).bind("voucher", order.voucherCode())
                .bind("payment", order.paymentMethod()).bind("state", order.state().name())
                .bind("review", order.reviewReason()).bind("message", order.message())
                .bind("terms", termsAcceptedAt.toEpochMilli()).bind("placed", order.placedAt().toEpochMilli())
                .execute();
        for (OrderLine line : order.lines()) {
            h.createUpdate("INSERT INTO order_line (order_id, line_no, kind, charge_kind, domain, tld, product_id, "
                            + "description, period_months, price_minor, discount_minor, holder_contact_id, nameservers, "
                            + "auth_code_sealed, signed_mark, launch_phase, not_before, operation_key, state, message, "
                            + "updated_at, vat_minor) VALUES (:order, :line, :kind, :charge, :domain, :tld, :product, "
                            + ":description, :months, :price, :discount, :holder, :ns, :auth, :smd, :phase, :notBefore, "
                            + ":key, :state, :message, :now, :vat)")
                    .bind("vat", line.vat().toMinorUnits())
                    .bind("order", order.id()).bind("line", line.lineNo()).bind("kind", line.kind().name())
                    .bind("charge", line.chargeKind().name())
                    .bind("domain", line.domain() == null ? null : line.domain().ascii())
                    .bind("tld", line.domain() == null ? null : line.domain().tld().ascii())
                    .bind("product", line.productId()).bind("description", line.description())
                    .bind("months", line.periodMonths()).bind("price", line.price().toMinorUnits())
                    .bind("discount", line.discount().toMinorUnits()).bind("holder", line.holderContactId())
                    .bind("ns", String.join(" ", line.nameservers())).bind("auth", line.authCodeSealed())
                    .bind("smd", line.signedMark()).bind("phase", line.launchPhase())
                    .bind("notBefore", line.notBefore() == null ? null : line.notBefore().toEpochMilli())
                    .bind("key", line.operationKey().value()).bind("state", line.state().name())
                    .bind("message", line.message()).bind("now", order.placedAt().toEpochMilli()).execute();
        }
    }

    public Optional<Order> find(String orderId) {
        return jdbi.withHandle(h -> find(h, orderId));
    }

    Optional<Order> find(Handle h, String orderId) {
        return orders(h, "WHERE id = :p", orderId).stream().findFirst();
    }

    /** An order of this customer; another customer's order is not found. */
    public Optional<Order> find(String customerId, String orderId) {
        return find(orderId).filter(order -> order.customerId().equals(customerId));
    }

    Optional<Order> byRequestKey(Handle h, String customerId, String requestKey) {
        return h.createQuery("SELECT id FROM customer_order WHERE customer_id = :customer AND request_key = :key")
                .bind("customer", customerId).bind("key", requestKey).mapTo(String.class).findOne()
                .flatMap(id -> find(h, id));
    }

    /** A customer's orders, newest first. */
    public List<Order> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> orders(h, "WHERE customer_id = :p ORDER BY placed_at DESC, id", customerId));
    }

    /** The latest orders, newest first, at most {@code limit}; only those in {@code state} when one is given. */
    public List<Order> latest(Optional<OrderState> state, int limit) {
        String order = " ORDER BY placed_at DESC, id LIMIT " + Math.max(1, limit);
        return jdbi.withHandle(h -> state.isPresent() ? orders(h, "WHERE state = :p" + order, state.get().name())
                : orders(h, order, null));
    }

    /** Orders in one of these states, oldest change first. */
    public List<Order> inState(Collection<OrderState> states) {
        String list = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbi.withHandle(h -> orders(h, "WHERE state IN (" + list + ") ORDER BY updated_at, id", null));
    }

    /** Moves the order from one of {@code from} to {@code to}; false when it was in another state. */
    boolean transition(String orderId, Collection<OrderState> from, OrderState to, String message) {
        return jdbi.withHandle(h -> transition(h, orderId, from, to, message));
    }

    boolean transition(Handle h, String orderId, Collection<OrderState> from, OrderState to, String message) {
        String list = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return h.createUpdate("UPDATE customer_order SET state = :to, message = COALESCE(:message, message), "
                        + "updated_at = :now WHERE id = :id AND state IN (" + list + ")")
                .bind("to", to.name()).bind("message", message).bind("now", clock.millis()).bind("id", orderId)
                .execute() == 1;
    }

    void setReviewReason(Handle h, String orderId, String reason) {
        h.createUpdate("UPDATE customer_order SET review_reason = :reason, updated_at = :now WHERE id = :id")
                .bind("reason", reason).bind("now", clock.millis()).bind("id", orderId).execute();
    }

    /** Moves a line from one of {@code from} to {@code to}; false when it was in another state. */
    boolean lineTransition(String orderId, int lineNo, Collection<LineState> from, LineState to, String message) {
        return jdbi.withHandle(h -> lineTransition(h, orderId, lineNo, from, to, message));
    }

    boolean lineTransition(Handle h, String orderId, int lineNo, Collection<LineState> from, LineState to,
                           String message) {
        String list = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return h.createUpdate("UPDATE order_line SET state = :to, message = COALESCE(:message, message), "
                        + "updated_at = :now WHERE order_id = :order AND line_no = :line AND state IN (" + list + ")")
                .bind("to", to.name()).bind("message", message).bind("now", clock.millis()).bind("order", orderId)
                .bind("line", lineNo).execute() == 1;
    }

    /** Queued pre-registrations whose time has come, in the order they were placed (ORD-7). */
    List<OrderLine> dueQueuedLines(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.order_id, l.line_no FROM order_line l "
                        + "JOIN customer_order o ON o.id = l.order_id "
                        + "WHERE l.state = 'QUEUED' AND l.not_before <= :now AND o.state = 'PROVISIONING' "
                        + "ORDER BY l.not_before, o.placed_at, o.id, l.line_no LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getInt("line_no"))).list())
                .stream().map(entry -> find(entry.getKey()).orElseThrow().lines().get(entry.getValue() - 1)).toList();
    }

    /** An order line with its order. */
    public record LineOfOrder(Order order, OrderLine line) {
    }

    Optional<LineOfOrder> lineByKey(org.kontor.api.outcome.IdempotencyKey key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT order_id, line_no FROM order_line WHERE operation_key = :key")
                        .bind("key", key.value())
                        .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getInt("line_no"))).findOne())
                .flatMap(entry -> find(entry.getKey())
                        .map(order -> new LineOfOrder(order, order.lines().get(entry.getValue() - 1))));
    }

    /** The queue of pre-registrations for a domain, oldest first: who is first in line for it. */
    public List<OrderLine> queueFor(DomainName domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.order_id, l.line_no FROM order_line l "
                        + "JOIN customer_order o ON o.id = l.order_id WHERE l.domain = :domain AND l.state = 'QUEUED' "
                        + "ORDER BY o.placed_at, o.id, l.line_no")
                .bind("domain", domain.ascii())
                .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getInt("line_no"))).list())
                .stream().map(entry -> find(entry.getKey()).orElseThrow().lines().get(entry.getValue() - 1)).toList();
    }

    private List<Order> orders(Handle h, String where, String parameter) {
        List<Order> orders = new ArrayList<>();
        var query = h.createQuery("SELECT * FROM customer_order " + where);
        if (parameter != null) {
            query.bind("p", parameter);
        }
        query.map((rs, ctx) -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            return new Order(rs.getString("id"), rs.getString("customer_id"), currency,
                    Money.ofMinor(rs.getLong("subtotal_minor"), currency),
                    Money.ofMinor(rs.getLong("discount_minor"), currency),
                    Money.ofMinor(rs.getLong("total_minor"), currency), rs.getString("voucher_code"),
                    rs.getString("payment_method"), OrderState.valueOf(rs.getString("state")),
                    rs.getString("review_reason"), rs.getString("message"),
                    Instant.ofEpochMilli(rs.getLong("placed_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                    List.of(), Money.ofMinor(rs.getLong("vat_minor"), currency), tax(rs));
        }).forEach(orders::add);
        List<Order> complete = new ArrayList<>();
        for (Order order : orders) {
            List<OrderLine> lines = h.createQuery("SELECT * FROM order_line WHERE order_id = :id ORDER BY line_no")
                    .bind("id", order.id()).map((rs, ctx) -> line(rs, order.currency())).list();
            complete.add(order.withLines(lines));
        }
        return complete;
    }

    private static OrderLine line(ResultSet rs, Currency currency) throws SQLException {
        String domain = rs.getString("domain");
        String ns = rs.getString("nameservers");
        long notBefore = rs.getLong("not_before");
        boolean hasNotBefore = !rs.wasNull();
        return new OrderLine(rs.getString("order_id"), rs.getInt("line_no"), ItemKind.valueOf(rs.getString("kind")),
                ChargeKind.valueOf(rs.getString("charge_kind")), domain == null ? null : DomainName.of(domain),
                rs.getString("product_id"), rs.getString("description"), rs.getInt("period_months"),
                Money.ofMinor(rs.getLong("price_minor"), currency), Money.ofMinor(rs.getLong("discount_minor"), currency),
                rs.getString("holder_contact_id"),
                ns == null || ns.isBlank() ? List.of() : Arrays.asList(ns.strip().split(" +")),
                rs.getString("auth_code_sealed"), rs.getString("signed_mark"), rs.getString("launch_phase"),
                hasNotBefore ? Instant.ofEpochMilli(notBefore) : null, IdempotencyKey.of(rs.getString("operation_key")),
                LineState.valueOf(rs.getString("state")), rs.getString("message"),
                Money.ofMinor(rs.getLong("vat_minor"), currency));
    }

    private static OrderTax tax(ResultSet rs) throws SQLException {
        String treatment = rs.getString("vat_treatment");
        if (treatment == null) {
            return OrderTax.none();
        }
        return new OrderTax(treatment, rs.getString("vat_country"), new java.math.BigDecimal(rs.getString("vat_rate")),
                rs.getString("buyer_vat_check"));
    }
}
