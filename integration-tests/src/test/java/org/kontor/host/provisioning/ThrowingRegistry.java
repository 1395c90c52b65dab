package org.kontor.host.provisioning;

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

/** A registry plugin with a bug: its billable commands throw instead of answering an outcome. */
final class ThrowingRegistry implements DomainRegistry {

    private final DomainRegistry delegate;

    ThrowingRegistry(DomainRegistry delegate) {
        this.delegate = delegate;
    }

    @Override
    public String registryId() {
        return delegate.registryId();
    }

    @Override
    public Set<Tld> tlds() {
        return delegate.tlds();
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        return delegate.check(names);
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        return delegate.createContact(command);
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        throw new IllegalStateException("socket closed");
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        throw new IllegalStateException("socket closed");
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        throw new IllegalStateException("socket closed");
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        return delegate.transferAction(command);
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        return delegate.info(name);
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        return delegate.update(command);
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return delegate.delete(command);
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        throw new IllegalStateException("socket closed");
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        return delegate.status(key, name);
    }
}
