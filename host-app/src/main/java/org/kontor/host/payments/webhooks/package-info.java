/**
 * The webhook inbox: every request to {@code /hooks/<gateway plugin id>/} is stored raw before anything else, then
 * verified and applied by the gateway's {@code handleWebhook}, each notification once per (gateway, provider event id).
 */
package org.kontor.host.payments.webhooks;
