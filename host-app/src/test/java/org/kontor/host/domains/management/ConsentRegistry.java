package org.kontor.host.domains.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;

/**
 * A registry whose change of holder waits for the new holder's consent, as the .dk registry's does (the sandbox
 * registry completes it at once, so it cannot show this): a registrant update is answered PENDING and the holder stays
 * as it was. Everything it was sent is kept.
 */
final class ConsentRegistry implements DomainRegistry {

    final List<UpdateDomain> updates = new ArrayList<>();
    final List<CreateContact> contacts = new ArrayList<>();
    private final DomainName domain;

    ConsentRegistry(DomainName domain) {
        this.domain = domain;
    }

    @Override
    public String registryId() {
        return "consent";
    }

    @Override
    public Set<Tld> tlds() {
        return Set.of(domain.tld());
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return EnumSet.of(RegistryCapability.CONTACTS, RegistryCapability.UPDATE);
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        return List.of();
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        contacts.add(command);
        return Outcome.processed(new ContactHandle("NEW" + contacts.size() + "-DK"), "c" + contacts.size());
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        return name.equals(domain) ? Optional.of(new DomainInfo(name, "ROID-1", Set.of("ok"),
                new ContactHandle("OLD1-DK"), null, null, Instant.parse("2026-01-10T10:00:00Z"),
                Instant.parse("2027-01-10T10:00:00Z"), "us", null)) : Optional.empty();
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        updates.add(command);
        return Outcome.pending(null, "u" + updates.size(), "the new holder is asked to accept the change");
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        return Outcome.error("unsupported", "not here");
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        return Outcome.undefined("not here");
    }
}
