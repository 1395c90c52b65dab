package org.kontor.api.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * A domain registry, reached over EPP, REST or a reseller API. The host never calls it inside a
 * database transaction: it records the intent with its idempotency key, calls, and records the outcome.
 *
 * <p>A billable command ({@link #register}, {@link #renew}, {@link #requestTransfer}, {@link #restore})
 * must never be sent twice for one key: after a time-out, return {@link Outcome#undefined} and answer
 * {@link #status} later from what the registry says (for EPP: {@code info} and {@code clID}).
 * Operations a registry does not offer answer {@code Outcome.error("unsupported", ...)} and are left out
 * of {@link #capabilities()}.
 */
public interface DomainRegistry extends ExtensionPoint {

    /** A stable id for this registry connection, e.g. {@code dk-hostmaster} or {@code sandbox}. */
    String registryId();

    /** The TLDs this registry serves. */
    Set<Tld> tlds();

    /** What this registry can do beyond check, register, renew and info. */
    Set<RegistryCapability> capabilities();

    /** Availability of many names in one round trip (EPP sends them in one {@code check}). */
    List<DomainAvailability> check(List<DomainName> names);

    /** Creates a contact object and returns the registry's handle for it. */
    Outcome<ContactHandle> createContact(CreateContact command);

    /** Registers a domain. A registry that decides later (the .dk registry's 1001) answers PENDING. */
    Outcome<DomainRegistration> register(RegisterDomain command);

    /** Renews a domain for a period from its current expiry. */
    Outcome<DomainRegistration> renew(RenewDomain command);

    /** Asks to move a domain to this registrar with its auth code. */
    Outcome<DomainTransfer> requestTransfer(TransferDomain command);

    /** Queries, approves, rejects or cancels a pending transfer. */
    Outcome<DomainTransfer> transferAction(TransferAction command);

    /**
     * Checks a transfer's auth code with the registry before the transfer is ordered, without moving the domain
     * (EPP: {@code <domain:info>} with the code as {@code <domain:authInfo>}). Never log or echo the code. A registry
     * that cannot check a code in advance answers {@link AuthCodeCheck#UNSUPPORTED}, which lets the order through;
     * one that cannot be reached answers {@link AuthCodeCheck.Result#UNKNOWN} instead of throwing.
     *
     * @since 1.2.0
     */
    default AuthCodeCheck verifyAuthCode(DomainName name, String authCode) {
        return AuthCodeCheck.UNSUPPORTED;
    }

    /** What the registry knows of a domain; empty when it does not exist there. */
    Optional<DomainInfo> info(DomainName name);

    /** Changes nameservers, contacts, statuses or the auth code. */
    Outcome<DomainInfo> update(UpdateDomain command);

    /** Deletes a domain (it may enter a redemption period first). */
    Outcome<Void> delete(DeleteDomain command);

    /** Restores a deleted domain from its redemption period (RFC 3915). */
    Outcome<DomainRegistration> restore(RestoreDomain command);

    /**
     * What happened to the command sent under {@code key}: the janitor's question for PENDING and UNDEFINED
     * outcomes. Answer UNDEFINED again if the registry cannot tell yet.
     */
    Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name);

    /** The registrar's prepaid balance at the registry, where the registry keeps one. */
    default Optional<Money> balance() {
        return Optional.empty();
    }

    /**
     * All four figures of the registrar's prepaid account at the registry (balance, credit limit, available
     * credit, low-balance threshold); by default only the {@link #balance()}.
     */
    default Optional<RegistryBalance> registryBalance() {
        return balance().map(RegistryBalance::ofBalance);
    }

    /**
     * The registry's own prices for a command on each name, as it quotes them (EPP: the fee extension on
     * check). Empty where the registry quotes none; then the operator's price list is all there is.
     *
     * @param command {@code create}, {@code renew}, {@code transfer} or {@code restore}
     * @param period  the period to quote, or null for the registry's default
     */
    default List<DomainPrice> quote(List<DomainName> names, String command, Period period) {
        return List.of();
    }

    /** Takes the oldest message from the registry's poll queue, if any; acknowledge it once applied. */
    default Optional<RegistryMessage> poll() {
        return Optional.empty();
    }

    /** Acknowledges a poll message; acknowledging the same id twice is harmless. */
    default void acknowledge(String messageId) {
    }
}
