package org.kontor.host.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;

/** Carts and their items in the database. */
final class CartStore {

    /** The header row of a cart. */
    record CartRow(String id, CartOwner owner, Currency currency, String voucherCode) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    CartStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Optional<CartRow> find(CartOwner owner) {
        return jdbi.withHandle(h -> find(h, owner));
    }

    Optional<CartRow> find(Handle h, CartOwner owner) {
        return h.createQuery("SELECT id, owner, currency, voucher_code FROM cart WHERE owner = :owner")
                .bind("owner", owner.value())
                .map((rs, ctx) -> new CartRow(rs.getString("id"), new CartOwner(rs.getString("owner")),
                        Currency.getInstance(rs.getString("currency")), rs.getString("voucher_code")))
                .findOne();
    }

    /** The owner's cart, created in {@code currency} when there is none. */
    CartRow open(Handle h, CartOwner owner, Currency currency) {
        h.createUpdate("INSERT INTO cart (id, owner, currency, updated_at) VALUES (:id, :owner, :currency, :now) "
                        + "ON CONFLICT (owner) DO NOTHING")
                .bind("id", UUID.randomUUID().toString()).bind("owner", owner.value())
                .bind("currency", currency.getCurrencyCode()).bind("now", clock.millis()).execute();
        return find(h, owner).orElseThrow();
    }

    List<CartItem> items(String cartId) {
        return jdbi.withHandle(h -> items(h, cartId));
    }

    List<CartItem> items(Handle h, String cartId) {
        return h.createQuery("SELECT * FROM cart_item WHERE cart_id = :cart ORDER BY position, created_at")
                .bind("cart", cartId).map((rs, ctx) -> item(rs)).list();
    }

    void add(Handle h, String cartId, CartItem item) {
        int position = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM cart_item WHERE cart_id = :cart")
                .bind("cart", cartId).mapTo(Integer.class).one();
        h.createUpdate("INSERT INTO cart_item (id, cart_id, position, kind, domain, product_id, period_months, "
                        + "holder_contact_id, nameservers, auth_code_sealed, signed_mark, created_at) VALUES (:id, :cart, "
                        + ":position, :kind, :domain, :product, :months, :holder, :ns, :auth, :smd, :now)")
                .bind("id", item.id()).bind("cart", cartId).bind("position", position).bind("kind", item.kind().name())
                .bind("domain", item.domain() == null ? null : item.domain().ascii()).bind("product", item.productId())
                .bind("months", item.periodMonths()).bind("holder", item.holderContactId())
                .bind("ns", String.join(" ", item.nameservers())).bind("auth", item.authCodeSealed())
                .bind("smd", item.signedMark()).bind("now", item.createdAt().toEpochMilli()).execute();
        touch(h, cartId);
    }

    void update(Handle h, String cartId, CartItem item) {
        h.createUpdate("UPDATE cart_item SET period_months = :months, holder_contact_id = :holder, nameservers = :ns, "
                        + "signed_mark = :smd WHERE id = :id AND cart_id = :cart")
                .bind("months", item.periodMonths()).bind("holder", item.holderContactId())
                .bind("ns", String.join(" ", item.nameservers())).bind("smd", item.signedMark())
                .bind("id", item.id()).bind("cart", cartId).execute();
        touch(h, cartId);
    }

    boolean remove(Handle h, String cartId, String itemId) {
        int removed = h.createUpdate("DELETE FROM cart_item WHERE id = :id AND cart_id = :cart")
                .bind("id", itemId).bind("cart", cartId).execute();
        touch(h, cartId);
        return removed > 0;
    }

    void setVoucher(Handle h, String cartId, String code) {
        h.createUpdate("UPDATE cart SET voucher_code = :code, updated_at = :now WHERE id = :cart")
                .bind("code", code).bind("now", clock.millis()).bind("cart", cartId).execute();
    }

    void setCurrency(Handle h, String cartId, Currency currency) {
        h.createUpdate("UPDATE cart SET currency = :currency, updated_at = :now WHERE id = :cart")
                .bind("currency", currency.getCurrencyCode()).bind("now", clock.millis()).bind("cart", cartId).execute();
    }

    /** Empties a cart after its order was placed. */
    void clear(Handle h, String cartId) {
        h.createUpdate("DELETE FROM cart_item WHERE cart_id = :cart").bind("cart", cartId).execute();
        h.createUpdate("UPDATE cart SET voucher_code = NULL, updated_at = :now WHERE id = :cart")
                .bind("now", clock.millis()).bind("cart", cartId).execute();
    }

    /** Moves a visitor's items into the customer's cart (at sign-in); items for a domain already there are dropped. */
    void moveItems(Handle h, String fromCartId, String toCartId) {
        List<CartItem> existing = items(h, toCartId);
        List<CartItem> moving = items(h, fromCartId);
        // The items keep their ids, so they leave the visitor's cart before they join the customer's.
        h.createUpdate("DELETE FROM cart_item WHERE cart_id = :cart").bind("cart", fromCartId).execute();
        h.createUpdate("DELETE FROM cart WHERE id = :cart").bind("cart", fromCartId).execute();
        for (CartItem item : moving) {
            boolean duplicate = existing.stream().anyMatch(other -> other.kind() == item.kind()
                    && java.util.Objects.equals(other.domain(), item.domain())
                    && java.util.Objects.equals(other.productId(), item.productId()));
            if (!duplicate) {
                add(h, toCartId, item);
            }
        }
    }

    private void touch(Handle h, String cartId) {
        h.createUpdate("UPDATE cart SET updated_at = :now WHERE id = :cart").bind("now", clock.millis())
                .bind("cart", cartId).execute();
    }

    private static CartItem item(ResultSet rs) throws SQLException {
        String domain = rs.getString("domain");
        String ns = rs.getString("nameservers");
        return new CartItem(rs.getString("id"), rs.getInt("position"), ItemKind.valueOf(rs.getString("kind")),
                domain == null ? null : DomainName.of(domain), rs.getString("product_id"), rs.getInt("period_months"),
                rs.getString("holder_contact_id"),
                ns == null || ns.isBlank() ? List.of() : Arrays.asList(ns.strip().split(" +")),
                rs.getString("auth_code_sealed"), rs.getString("signed_mark"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
