package org.kontor.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.host.plugins.Contribution;

/** Domains registered at the demo's sandbox registry for a customer, as a completed order leaves them. */
public final class SandboxDomains {

    private SandboxDomains() {
    }

    /** The demo's generic sandbox registry (.test, .example). */
    public static DomainRegistry registry(KontorHost host) {
        return host.plugins().of(DomainRegistry.class).stream().map(Contribution::extension)
                .filter(registry -> registry.registryId().equals(DemoData.SANDBOX_REGISTRY_ID)).findFirst()
                .orElseThrow(() -> new AssertionError("the sandbox registry is not running"));
    }

    /** Registers a fresh {@code <prefix>-<random>.test} at the sandbox with the customer's first contact as holder. */
    public static DomainName register(KontorHost host, String customerId, String prefix) {
        DomainRegistry registry = registry(host);
        DomainName name = DomainName.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test");
        // the sandbox opens its port a moment after the demo data restarted it
        Outcome<ContactHandle> holder;
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        int attempt = 0;
        do {
            holder = registry.createContact(CreateContact.of(IdempotencyKey.derive("it-holder", name.ascii(),
                    Integer.toString(attempt++)), host.contacts().list(customerId).get(0).toContact()));
            if (holder.status() != org.kontor.api.outcome.OutcomeStatus.CANCELED) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < until);
        if (!holder.isProcessed()) {
            throw new AssertionError("the sandbox refused the holder: " + holder.message());
        }
        Outcome<DomainRegistration> registered = registry.register(RegisterDomain.of(IdempotencyKey.derive("it-create",
                name.ascii()), name, Period.years(1), holder.value(), List.of()));
        if (!registered.isProcessed()) {
            throw new AssertionError("the sandbox refused " + name + ": " + registered.status() + " "
                    + registered.message());
        }
        DomainRegistration registration = registered.value();
        host.domainStore().jdbi().useTransaction(h -> host.domainStore().put(h, name, customerId,
                DemoData.SANDBOX_REGISTRY_ID, State.ACTIVE, registration == null ? Instant.now() : registration.createdAt(),
                registration == null ? null : registration.expiresAt(), null, "it-create"));
        return name;
    }

    /** What the sandbox registry holds of the domain now. */
    public static DomainInfo info(KontorHost host, DomainName name) {
        return registry(host).info(name).orElseThrow(() -> new AssertionError("the sandbox does not hold " + name));
    }
}
