package org.kontor.api.aftermarket;

import java.util.List;
import java.util.Objects;
import org.kontor.api.domain.Tld;

/**
 * A customer's domain search, as an aftermarket provider sees it.
 *
 * @param label the searched second-level label in A-label form, e.g. {@code example} or {@code xn--blegrd-dua}
 * @param tlds  the TLDs searched, the wished one first; a provider may offer names under other TLDs too
 * @param limit the most offers wanted, at least 1
 * @since 1.2.0
 */
public record AftermarketQuery(String label, List<Tld> tlds, int limit) {

    public AftermarketQuery {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("the searched label is empty");
        }
        tlds = List.copyOf(tlds);
        if (limit < 1) {
            throw new IllegalArgumentException("a query wants at least one offer: " + limit);
        }
    }
}
