package org.kontor.host.addons;

import java.time.Instant;
import java.util.Map;

/**
 * A booked add-on service.
 *
 * @param provisionerId   the provisioner that sets it up, null for one staff set up by hand
 * @param remoteReference the third party's id for it, null until the create was confirmed
 * @param details         what the third party answered for the customer to see (control panel, user name)
 * @param note            why it failed or what staff should know, or null
 * @param suspendedFor    {@code dunning:<invoice id>} or {@code staff} while suspended, else null
 * @param cancelAt        when the customer's cancellation terminates it, or null
 */
public record AddonService(String id, String customerId, String productId, String domain, String orderId, int lineNo,
                           ServiceState state, String provisionerId, String plan, String remoteReference,
                           Map<String, String> details, String note, String suspendedFor, Instant cancelAt,
                           Instant startedAt, Instant renewsAt) {

    public AddonService {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Set up by a third party through a provisioner, rather than by hand. */
    public boolean provisioned() {
        return provisionerId != null;
    }
}
