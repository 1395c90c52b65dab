package org.kontor.host.billing.prepaid;

import java.util.Optional;

/** Finds the owner of a prepaid account (the account's owner id is the customer id). */
public interface Resellers {

    Optional<Reseller> find(String ownerId);
}
