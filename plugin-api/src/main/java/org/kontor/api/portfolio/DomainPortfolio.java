package org.kontor.api.portfolio;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;

/**
 * The domains the host manages, seen one customer at a time. Every method takes the customer's id (for a
 * reseller, the subject its prepaid account belongs to) and only ever reads or changes that customer's
 * domains: a name held by someone else is reported as unknown ({@link UnknownDomainException}).
 *
 * <p>Paid changes go through the host's domain operations: the intent is recorded under the caller's
 * idempotency key, the price is held from the named funding source, the registry is called outside any
 * transaction, and the hold is captured or released by its answer. The same key twice renews once.
 *
 * @since 1.1.0
 */
public interface DomainPortfolio {

    /** The customer's domains, by name. */
    List<PortfolioDomain> domainsOf(String customerId);

    /** One of the customer's domains; empty when it does not exist or is someone else's. */
    Optional<PortfolioDomain> find(String customerId, DomainName name);

    /**
     * The customer's active domains whose expiry lies in {@code [from, until)}, soonest first; terminated
     * domains are included (see {@link PortfolioDomain#terminated()}).
     */
    List<PortfolioDomain> expiringBetween(String customerId, Instant from, Instant until);

    /**
     * The price the host charges to renew this domain for one year in {@code currency}, which is exactly what
     * {@link #renew} holds and captures; empty when the operator has set no price.
     */
    Optional<Money> renewalPrice(DomainName name, Currency currency);

    /**
     * Renews a domain of the customer now, paid from a funding source. Irrevocable once the registry did it.
     *
     * @throws UnknownDomainException     the domain is not the customer's, or is not active
     * @throws InsufficientFundsException the funding source refused; nothing was charged, the registry was not called
     * @throws IllegalStateException      no price is set, no registry serves the TLD or the funding source is not running
     */
    RenewalResult renew(RenewalRequest request) throws InsufficientFundsException;

    /**
     * Ends a domain of the customer: it is never renewed again. By the operator's policy
     * ({@code domains.terminate-policy}) it either lapses at its expiry ({@code expire}, the default) or is
     * deleted at the registry at once ({@code delete}).
     *
     * @throws UnknownDomainException the domain is not the customer's
     */
    PortfolioDomain terminate(String customerId, DomainName name);

    /**
     * Whether the domain is to be renewed when it expires (whoever renews it: an automatic renewal job of the
     * customer's funding plugin reads this flag).
     *
     * @throws UnknownDomainException the domain is not the customer's
     */
    PortfolioDomain setAutoRenew(String customerId, DomainName name, boolean autoRenew);

    /**
     * The customer's domains that can be restored now (in redemption), by name, each with the date by which it
     * must be restored when known and the restore price in {@code currency}. Hosts before restores answer none.
     */
    default List<RestorableDomain> restorable(String customerId, Currency currency) {
        return List.of();
    }

    /**
     * The price the host charges to restore this domain from redemption in {@code currency}, which is exactly
     * what {@link #restore} holds and captures; empty when the operator has set no price.
     */
    default Optional<Money> restorePrice(DomainName name, Currency currency) {
        return Optional.empty();
    }

    /**
     * Restores a domain of the customer from redemption now, paid from a funding source: the funds must cover
     * the price (it is never drawn on credit). The same key restores once; afterwards the domain is active.
     *
     * @throws UnknownDomainException     the domain is not the customer's, or is not in redemption
     * @throws InsufficientFundsException the funding source refused; nothing was charged, the registry was not called
     * @throws IllegalStateException      no price is set, no registry serves the TLD or the funding source is not running
     * @throws UnsupportedOperationException the host cannot restore domains
     */
    default RestoreResult restore(RestoreRequest request) throws InsufficientFundsException {
        throw new UnsupportedOperationException("this host cannot restore domains");
    }
}
