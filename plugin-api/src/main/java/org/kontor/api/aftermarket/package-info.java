/**
 * The aftermarket extension point: offers of already registered domains from the secondary market (a parking or
 * domain marketplace such as Sedo), shown beside the storefront's search results.
 *
 * @since 1.2.0
 */
package org.kontor.api.aftermarket;
