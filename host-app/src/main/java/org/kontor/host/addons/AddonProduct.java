package org.kontor.host.addons;

import java.util.Objects;
import org.kontor.api.funding.ChargeKind;

/**
 * An add-on product sold beside domains (ORD-12): an e-mail package, a hosting package, or a service on one
 * domain such as forwarding. Its kind decides who may pay for it: a deposit scheme pays domain services only.
 *
 * @param perDomain the product is booked for one domain of the order (forwarding, a mailbox on the domain)
 */
public record AddonProduct(String id, ChargeKind kind, String name, String description, boolean perDomain,
                           boolean enabled, int position) {

    public AddonProduct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("id: lower-case letters, digits and hyphens, was '" + id + "'");
        }
        if (kind == ChargeKind.DOMAIN_CREATE || kind == ChargeKind.DOMAIN_RENEW || kind == ChargeKind.DOMAIN_TRANSFER
                || kind == ChargeKind.DOMAIN_RESTORE) {
            throw new IllegalArgumentException("kind: a registry operation is not an add-on, was " + kind);
        }
    }
}
