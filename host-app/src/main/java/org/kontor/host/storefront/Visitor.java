package org.kontor.host.storefront;

import java.util.Currency;
import java.util.Optional;

/**
 * Who is looking at a storefront page, as far as the page depends on it.
 *
 * @param language the page's language code
 * @param currency the currency prices are shown in, one of the catalog's
 * @param country  the country whose VAT is shown (ISO 3166), if known
 * @param business whether prices are shown net as for a business (a reseller, a company account)
 * @param signedIn whether a customer is signed in on the request's session
 */
public record Visitor(String language, Currency currency, Optional<String> country, boolean business,
                      boolean signedIn) {
}
