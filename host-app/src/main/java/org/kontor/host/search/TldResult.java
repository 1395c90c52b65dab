package org.kontor.host.search;

import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.host.catalog.Phase;

/**
 * The searched name under one TLD.
 *
 * @param reason the registry's reason when taken, why the answer is unknown or the name refused; null when available
 * @param price  what a registration of one year costs in the requested currency
 * @param groups the ids of the TLD groups the TLD belongs to, in the groups' order
 * @param phase  the launch phase the TLD is in now
 */
public record TldResult(DomainName name, Status status, String reason, Money price, List<String> groups, Phase phase) {

    /** Whether the name can be registered, as far as the search could tell. */
    public enum Status {
        AVAILABLE, TAKEN, UNKNOWN,
        /** The TLD's rules refuse the name (an internationalised label where the TLD allows none or not its script). */
        REFUSED
    }

    public TldResult {
        groups = List.copyOf(groups);
    }
}
