package org.kontor.host.orders;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * An item in a cart, as the customer chose it.
 *
 * @param domain          the domain of a registration or transfer, or the domain an add-on is booked for (or null)
 * @param productId       the add-on product, or null for a domain item
 * @param holderContactId the customer's holder contact for the domain, or null while not chosen
 * @param nameservers     host names; empty for the operator's default nameservers
 * @param authCodeSealed  a transfer's auth code, sealed; never shown again
 * @param signedMark      a sunrise registration's signed mark data file, as uploaded, or null
 */
public record CartItem(String id, int position, ItemKind kind, DomainName domain, String productId, int periodMonths,
                       String holderContactId, List<String> nameservers, String authCodeSealed, String signedMark,
                       Instant createdAt) {

    public CartItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
        if (kind.isDomain() && domain == null) {
            throw new IllegalArgumentException("a " + kind + " item needs a domain");
        }
        if (kind == ItemKind.ADDON && productId == null) {
            throw new IllegalArgumentException("an add-on item needs a product");
        }
    }

    public CartItem withHolder(String contactId) {
        return new CartItem(id, position, kind, domain, productId, periodMonths, contactId, nameservers, authCodeSealed,
                signedMark, createdAt);
    }

    public CartItem withNameservers(List<String> hosts) {
        return new CartItem(id, position, kind, domain, productId, periodMonths, holderContactId, hosts, authCodeSealed,
                signedMark, createdAt);
    }

    public CartItem withPeriodMonths(int months) {
        return new CartItem(id, position, kind, domain, productId, months, holderContactId, nameservers, authCodeSealed,
                signedMark, createdAt);
    }

    public CartItem withSignedMark(String smd) {
        return new CartItem(id, position, kind, domain, productId, periodMonths, holderContactId, nameservers,
                authCodeSealed, smd, createdAt);
    }
}
