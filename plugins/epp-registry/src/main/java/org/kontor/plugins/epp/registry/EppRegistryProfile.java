package org.kontor.plugins.epp.registry;

import java.util.Objects;
import java.util.Set;
import org.kontor.api.domain.Tld;

/**
 * What the generic EPP registry needs to know besides the connection.
 *
 * @param clientId      our registrar id ({@code clID}): a domain whose sponsor it is, is ours
 * @param maxCheckNames the most names sent in one {@code check}; longer lists are split
 * @param feeAgreement  whether the registry wants the fee agreed to on create, renew, transfer and restore
 *                      (RFC 8748 §3.2): the fee is then quoted by a check just before and sent with the command
 * @param transferLockDays days after a create or a transfer during which the registry refuses a transfer (the
 *                      ICANN transfer policy's 60 days); 0 where the registry has no such lock
 */
public record EppRegistryProfile(String registryId, Set<Tld> tlds, String clientId, int maxCheckNames,
        boolean feeAgreement, int transferLockDays) {

    /** The ICANN transfer policy: no transfer within 60 days of a registration or of an earlier transfer. */
    public static final int DEFAULT_TRANSFER_LOCK_DAYS = 60;

    /**
     * Five names per check: RFC 5731 sets no limit, but registries cap it and five is what the strictest
     * commonly accept (the .dk specification allows several and states no number).
     */
    public static final int DEFAULT_MAX_CHECK_NAMES = 5;

    public EppRegistryProfile {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(clientId, "clientId");
        tlds = Set.copyOf(tlds);
        if (maxCheckNames < 1) {
            throw new IllegalArgumentException("a check names at least one domain: " + maxCheckNames);
        }
        if (transferLockDays < 0) {
            throw new IllegalArgumentException("the transfer lock is 0 days or more: " + transferLockDays);
        }
    }

    /** A profile with the default transfer lock. */
    public EppRegistryProfile(String registryId, Set<Tld> tlds, String clientId, int maxCheckNames,
            boolean feeAgreement) {
        this(registryId, tlds, clientId, maxCheckNames, feeAgreement, DEFAULT_TRANSFER_LOCK_DAYS);
    }

    /** A profile that sends no fee agreement. */
    public EppRegistryProfile(String registryId, Set<Tld> tlds, String clientId, int maxCheckNames) {
        this(registryId, tlds, clientId, maxCheckNames, false);
    }
}
