package org.kontor.api.funding;

/** What an order line buys; funding sources decide by it what they may pay for. */
public enum ChargeKind {
    DOMAIN_CREATE, DOMAIN_RENEW, DOMAIN_TRANSFER, DOMAIN_RESTORE, HOSTING, EMAIL, SITE_BUILDER, OTHER,
    /** A service on a domain sold with it, such as web and e-mail forwarding or DNSSEC management (since 1.2). */
    DOMAIN_ADDON;

    /** Whether this is a domain service (the only kind a deposit scheme usually pays for). */
    public boolean isDomainService() {
        return name().startsWith("DOMAIN_");
    }
}
