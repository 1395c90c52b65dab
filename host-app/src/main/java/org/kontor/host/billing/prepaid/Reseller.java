package org.kontor.host.billing.prepaid;

import java.util.Objects;
import org.kontor.host.billing.Party;

/** The owner of a prepaid account as their documents name them, and the language the documents are in. */
public record Reseller(String customerId, Party buyer, String language) {

    public Reseller {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(language, "language");
    }
}
