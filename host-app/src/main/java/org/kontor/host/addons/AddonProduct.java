package org.kontor.host.addons;

import java.util.Objects;
import org.kontor.api.funding.ChargeKind;

/**
 * An add-on product sold beside domains (ORD-12): an e-mail package, a hosting package, or a service on one
 * domain such as forwarding. Its kind decides who may pay for it: a deposit scheme pays domain services only.
 *
 * @param perDomain     the product is booked for one domain of the order (forwarding, a mailbox on the domain)
 * @param provisionerId the {@link org.kontor.api.provisioning.Provisioner} that sets the service up (ADD-2), or null
 *                      for a service staff set up by hand, which is active at once
 * @param plan          the provisioner's plan code; required with a provisioner
 */
public record AddonProduct(String id, ChargeKind kind, String name, String description, boolean perDomain,
                           boolean enabled, int position, String provisionerId, String plan) {

    /** A product staff set up by hand (no provisioner). */
    public AddonProduct(String id, ChargeKind kind, String name, String description, boolean perDomain,
                        boolean enabled, int position) {
        this(id, kind, name, description, perDomain, enabled, position, null, null);
    }

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
        provisionerId = provisionerId == null || provisionerId.isBlank() ? null : provisionerId.strip();
        plan = plan == null || plan.isBlank() ? null : plan.strip();
        if (provisionerId != null && plan == null) {
            throw new IllegalArgumentException("plan: required with the provisioner " + provisionerId);
        }
    }

    /** Set up by a provisioner rather than by hand. */
    public boolean provisioned() {
        return provisionerId != null;
    }
}
