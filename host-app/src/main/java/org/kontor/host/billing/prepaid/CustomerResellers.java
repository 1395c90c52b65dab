package org.kontor.host.billing.prepaid;

import java.util.Optional;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.customers.Customers;

/** Resellers from the customer accounts and their billing profiles. */
public final class CustomerResellers implements Resellers {

    private final Customers customers;
    private final BillingProfiles profiles;

    public CustomerResellers(Customers customers, BillingProfiles profiles) {
        this.customers = customers;
        this.profiles = profiles;
    }

    @Override
    public Optional<Reseller> find(String ownerId) {
        return customers.find(ownerId).map(customer -> new Reseller(customer.id(),
                BillingProfiles.buyer(customer, profiles.of(customer.id())), customer.language()));
    }
}
