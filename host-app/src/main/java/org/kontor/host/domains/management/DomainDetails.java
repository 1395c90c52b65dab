package org.kontor.host.domains.management;

import java.util.List;
import java.util.Set;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.host.domains.DomainRecord;

/**
 * One of the customer's domains: the host's record, what the registry says of it now, and the customer's changes.
 *
 * @param live            the registry's information, or null when it could not be asked (see {@code registryProblem})
 *                        or does not know the domain
 * @param registryProblem why there is no live information, or null
 * @param capabilities    what the domain's registry can do (empty when it could not be asked)
 * @param noticeDays      the cancellation notice period in days
 */
public record DomainDetails(DomainRecord record, DomainInfo live, DomainManagementException registryProblem,
                            Set<RegistryCapability> capabilities, List<DomainChange> history, int noticeDays) {

    /** Locked against transfers: the registry shows clientTransferProhibited (or the server's). */
    public boolean locked() {
        return live != null && DomainManagement.locked(live);
    }

    public boolean cancelled() {
        return record.terminatedAt() != null;
    }
}
