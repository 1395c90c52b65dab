package org.kontor.host.domains;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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

/** A registry that only checks: it answers each check with {@code answer} and records what it was asked. */
public final class FakeRegistry implements DomainRegistry {

    public final List<List<DomainName>> checks = new CopyOnWriteArrayList<>();
    private final String id;
    private final Set<Tld> tlds;
    private final Function<List<DomainName>, List<DomainAvailability>> answer;

    public FakeRegistry(String id, Set<Tld> tlds, Function<List<DomainName>, List<DomainAvailability>> answer) {
        this.id = id;
        this.tlds = tlds;
        this.answer = answer;
    }

    /** Every name is available except those whose label is {@code taken}. */
    public static FakeRegistry answering(String id, String... tlds) {
        return new FakeRegistry(id, tldSet(tlds), FakeRegistry::answer);
    }

    public static FakeRegistry sleeping(String id, long millis, String... tlds) {
        return new FakeRegistry(id, tldSet(tlds), names -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer(names);
        });
    }

    public static FakeRegistry failing(String id, String... tlds) {
        return new FakeRegistry(id, tldSet(tlds), names -> {
            throw new IllegalStateException("connection refused");
        });
    }

    private static Set<Tld> tldSet(String... tlds) {
        return java.util.Arrays.stream(tlds).map(Tld::of).collect(java.util.stream.Collectors.toSet());
    }

    private static List<DomainAvailability> answer(List<DomainName> names) {
        return names.stream().map(n -> n.secondLevelLabel().equals("taken")
                ? DomainAvailability.taken(n, "In use") : DomainAvailability.available(n)).toList();
    }

    @Override
    public String registryId() {
        return id;
    }

    @Override
    public Set<Tld> tlds() {
        return tlds;
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return Set.of();
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        checks.add(List.copyOf(names));
        return answer.apply(names);
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        throw new UnsupportedOperationException();
    }
}
