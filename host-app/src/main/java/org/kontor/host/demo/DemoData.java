package org.kontor.host.demo;

import org.kontor.api.web.Access;
import org.kontor.host.KontorHost;

/**
 * Data for trying Kontor on one machine: an operator's and a reseller's API token known from the README.
 * Loading twice changes nothing. Never enable demo data on a host that faces the internet.
 */
public final class DemoData {

    /** The operator's API token in demo mode, documented in the README. */
    public static final String ADMIN_TOKEN = "kontor_demo_admin_token";

    /** A reseller's API token in demo mode (subject {@code demo-reseller}), documented in the README. */
    public static final String RESELLER_TOKEN = "kontor_demo_reseller_token";

    private final KontorHost host;

    public DemoData(KontorHost host) {
        this.host = host;
    }

    public void load() {
        host.apiTokens().register(ADMIN_TOKEN, "demo-operator", Access.ADMIN, "demo operator");
        host.apiTokens().register(RESELLER_TOKEN, "demo-reseller", Access.RESELLER, "demo reseller");
    }
}
