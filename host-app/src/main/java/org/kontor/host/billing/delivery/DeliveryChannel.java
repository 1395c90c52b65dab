package org.kontor.host.billing.delivery;

/** How a document is sent. */
public enum DeliveryChannel {
    EMAIL, POST
}
