package org.kontor.host.orders;

import org.kontor.api.funding.ChargeKind;

/** What a cart item or order line is: a registration, a transfer in, or an add-on product. */
public enum ItemKind {
    REGISTER, TRANSFER, ADDON;

    /** The charge kind of a domain item; an add-on's kind is its product's. */
    public ChargeKind domainChargeKind() {
        return switch (this) {
            case REGISTER -> ChargeKind.DOMAIN_CREATE;
            case TRANSFER -> ChargeKind.DOMAIN_TRANSFER;
            case ADDON -> throw new IllegalStateException("an add-on's charge kind is its product's");
        };
    }

    public boolean isDomain() {
        return this != ADDON;
    }
}
