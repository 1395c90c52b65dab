package org.kontor.host.orders;

import java.util.List;
import java.util.Optional;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.HolderContact;

/** The customers' holder contacts as the checkout needs them. */
public final class CustomerHolders implements HolderDirectory {

    private final Contacts contacts;

    public CustomerHolders(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<Holder> holder(String customerId, String contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        return contacts.find(customerId, contactId).map(CustomerHolders::holder);
    }

    @Override
    public List<Holder> holders(String customerId) {
        return contacts.list(customerId).stream().map(CustomerHolders::holder).toList();
    }

    private static Holder holder(HolderContact contact) {
        String label = contact.contact().organization() == null || contact.contact().organization().isBlank()
                ? contact.contact().name() : contact.contact().organization() + " (" + contact.contact().name() + ")";
        return new Holder(contact.id(), contact.catalogHolderType(), contact.toContact(), contact.catalogFields(), label);
    }
}
