package org.kontor.host.search;

import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;

/**
 * An available alternative to the searched name (ORD-3).
 *
 * @param kind  how it was made from the label
 * @param price what a registration of one year costs in the requested currency
 */
public record Suggestion(DomainName name, Kind kind, Money price) {

    /** How a suggestion was made from the searched label. */
    public enum Kind {
        /** The words of the label joined by hyphens: {@code my-shop}. */
        HYPHENATED,
        /** A word put before the label: {@code getexample}. */
        PREFIX,
        /** A word put after the label: {@code exampleshop}. */
        SUFFIX,
        /** The label under a TLD outside the searched ones. */
        OTHER_TLD
    }
}
