package org.kontor.host.customers;

import java.time.Instant;
import org.kontor.api.web.Access;

/**
 * A customer account: an end customer (domain holder) or a reseller.
 *
 * @param email    as the customer wrote it; unique whatever its case
 * @param company  null for a private person
 * @param country  ISO 3166-1 alpha-2 code
 * @param language the language of the storefront and of mails: en, da, de, cs or sk
 * @param currency ISO 4217 code prices are shown and invoiced in
 * @param role     {@link Access#CUSTOMER} or {@link Access#RESELLER}
 */
public record Customer(String id, String email, String name, String company, String country, String language,
                       String currency, Access role, Instant createdAt) {
}
