package org.kontor.plugins.epp.registry;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;

/**
 * How a registry plugin built on the engine (such as registry-dk) adapts the generic profile of
 * {@link EppDomainRegistry}: the extensions it adds to each command, the values the registry wants in place
 * of the generic ones, and what it reads back from answers. Every method has the generic behaviour as
 * default. A hook may refuse a command before anything is sent by throwing {@link EppProfileRefusal}.
 *
 * <p>Hooks receive the greeting of a current session so that they take namespaces from what the registry
 * announces, not from constants.
 */
public interface EppProfileHooks {

    /** The generic profile. */
    EppProfileHooks NONE = new EppProfileHooks() {
    };

    /** The contact id to send in {@code contact:create}; {@code generated} is unique per idempotency key. */
    default String contactId(CreateContact command, String generated) {
        return generated;
    }

    /** The contact's authorization password; the .dk registry takes an empty one. */
    default String contactAuthInfo(CreateContact command, String generated) {
        return generated;
    }

    default List<CommandExtension> contactCreate(CreateContact command, Greeting greeting) {
        return List.of();
    }

    /** The domain's authorization password on create; {@code generated} is random. */
    default String domainAuthInfo(RegisterDomain command, String generated) {
        return generated;
    }

    default List<CommandExtension> domainCreate(RegisterDomain command, Greeting greeting) {
        return List.of();
    }

    /**
     * Whether {@code domain:create} carries the command's admin, tech and billing contacts. The .dk registry refuses
     * them for domains a registrar handles (2306): it keeps the registrant only.
     *
     * @since 1.3.0
     */
    default boolean domainCreateSendsContacts() {
        return true;
    }

    /**
     * Whether the engine creates the external hosts a {@code domain:create} names when the registry lacks them (RFC
     * 5732: a domain names existing host objects only). The .dk registry keeps its own host objects for nameservers
     * outside .dk and is left to answer for itself.
     *
     * @since 1.3.0
     */
    default boolean createsMissingHostsBeforeDomainCreate() {
        return true;
    }

    /**
     * The {@code domain:authInfo} of an update: null keeps it, the empty string removes it, anything else is
     * sent as the password. By default the command's {@code newAuthCode}.
     */
    default String domainUpdateAuthInfo(UpdateDomain command) {
        return command.newAuthCode();
    }

    default List<CommandExtension> domainUpdate(UpdateDomain command, Greeting greeting) {
        return List.of();
    }

    /** The restore to send: by default an RGP restore request. */
    default DomainRestore restore(RestoreDomain command, Instant now) {
        return new DomainRestore(command.name().ascii());
    }

    /**
     * The restore to send, for profiles whose first restore frame needs the domain's data (the .dk registry's
     * report at once, with the deletion time). {@code info} gives the registry's answer to {@code domain:info} on
     * the domain, asked once and only when called; it throws {@link EppRegistryException} when the registry
     * cannot be reached, and the restore is then not sent. By default {@link #restore(RestoreDomain, Instant)}.
     */
    default DomainRestore restore(RestoreDomain command, Instant now, Supplier<EppResponse> info) {
        return restore(command, now);
    }

    /**
     * The registry's own reference of a domain create (the .dk registry's tracking number), or null to use
     * the domain's ROID where the answer carries one.
     */
    default String createReference(EppResponse response) {
        return null;
    }

    /**
     * Whether the registry decides creates later (answers 1001 and reports through the poll queue). Such a
     * registry shows an application it still decides with {@code pendingCreate}, so in
     * {@link EppDomainRegistry#status} a domain that {@code info} does not find is a refused (or never received)
     * create: canceled, with the poll queue named for the reason.
     */
    default boolean decidesCreatesLater() {
        return false;
    }

    /** What {@code info} returns, from the generic reading and the answer (for registry extensions in it). */
    default org.kontor.api.registry.DomainInfo domainInfo(org.kontor.api.registry.DomainInfo info,
            EppResponse response) {
        return info;
    }

    /**
     * Whether the registry checks another registrar's auth code sent with {@code domain:info} (RFC 5731 §3.1.2). Where
     * it does not, {@link EppDomainRegistry#verifyAuthCode} still reads what blocks a transfer from the public info
     * but answers {@code UNSUPPORTED} for the code itself, which only the transfer will check.
     */
    default boolean checksAuthInfoOnInfo() {
        return true;
    }

    /**
     * What else in the info answer forbids a transfer to us, as a reason; null when nothing does. Called only for a
     * domain another registrar sponsors.
     */
    default String transferBlocker(DomainInfoData info, EppResponse response) {
        return null;
    }

    /** Where a registry wants no host objects created for glue. */
    default boolean createsHostObjects(Greeting greeting) {
        return true;
    }
}
