package org.kontor.host.payments.webhooks;

/** Where an inbox row came from: a provider's request to {@code /hooks/<plugin id>}, or a gateway plugin's own report. */
public enum InboxOrigin {
    PROVIDER, PLUGIN
}
