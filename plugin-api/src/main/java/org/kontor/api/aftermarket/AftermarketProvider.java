package org.kontor.api.aftermarket;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A secondary market for registered domains. The host asks every started provider during a customer's domain search,
 * all at once and within a time limit; a provider that fails or answers late is left out of that search, so an
 * implementation should answer from a cache or a fast API call and may throw on failure.
 *
 * @since 1.2.0
 */
public interface AftermarketProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code sedo}; each offer carries it. */
    String providerId();

    /** The name shown to customers beside its offers. */
    String displayName();

    /**
     * Offers for names like the searched one, best first, at most {@link AftermarketQuery#limit()}; empty when there
     * are none.
     */
    List<AftermarketOffer> offers(AftermarketQuery query);
}
