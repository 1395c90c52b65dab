/**
 * The payment gateway extension point: one plugin per payment provider, shaped after Kill Bill's payment
 * plugin API. Every call carries an idempotency key; results are outcomes that a janitor settles.
 */
package org.kontor.api.payment;
