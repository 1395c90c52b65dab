/**
 * The host's record of domains (since API 1.1): what a plugin may read and do about one customer's domains
 * through {@link org.kontor.api.PluginContext#domainPortfolio()}. Every call names the customer; a domain of
 * another customer is answered as if it did not exist.
 */
package org.kontor.api.portfolio;
