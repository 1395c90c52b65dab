/**
 * Payments through gateway plugins (PAY-1): the attempt recorded with its key before the gateway is called, the
 * outcome recorded after, a janitor for what stayed open, the effect of a processed payment carried out once (an order
 * funded, an invoice paid, a top-up announced), refunds, and the webhook inbox in {@code webhooks}.
 */
package org.kontor.host.payments;
