/**
 * Funding sources: money a customer keeps with the operator (a reseller's prepaid account) that pays for
 * orders directly. The host holds the amount before a registry call, captures it when the call
 * succeeded and releases it when it did not; nothing is charged for a domain that was not delivered.
 */
package org.kontor.api.funding;
