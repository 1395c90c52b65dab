package org.kontor.plugins.epp.response;

import java.time.Instant;

/**
 * The state of a domain transfer.
 *
 * @param status {@code pending}, {@code clientApproved}, {@code serverApproved}, {@code clientRejected}, …
 * @param actionBy the registrar that must act, or null (the .dk schema makes it optional)
 * @param actionDate when the transfer is acted on at the latest, or null
 * @param expiryDate the expiry date after the transfer, or null
 */
public record DomainTransferData(String name, String status, String requestedBy, Instant requestedAt,
        String actionBy, Instant actionDate, Instant expiryDate) implements ResponseData {
}
