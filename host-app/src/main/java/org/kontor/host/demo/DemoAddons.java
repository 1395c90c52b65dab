package org.kontor.host.demo;

import java.util.Currency;
import java.util.Map;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonPrice;
import org.kontor.host.addons.AddonProduct;

/**
 * The demo's add-on products: a domain service a prepaid account may pay (forwarding), and e-mail, two hosting
 * packages and a site builder, which an order pays by invoice (PA-8). They are set up by hand (no provisioner): the
 * operator names a provisioner and plan for each on the products page once one runs.
 */
final class DemoAddons {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final AddonCatalog addons;

    DemoAddons(AddonCatalog addons) {
        this.addons = addons;
    }

    void load() {
        addons.put(new AddonProduct("forwarding", ChargeKind.DOMAIN_ADDON, "Web and e-mail forwarding",
                        "Forward the domain to any web address and its e-mail to your mailbox.", true, true, 1),
                Map.of(DKK, new AddonPrice(Money.of("60.00", "DKK"), 12), EUR, new AddonPrice(Money.of("8.00", "EUR"), 12)));
        addons.put(new AddonProduct("mail-basic", ChargeKind.EMAIL, "E-mail Basic",
                        "Five mailboxes of 10 GB on the domain, with webmail and spam filter.", true, true, 2),
                Map.of(DKK, new AddonPrice(Money.of("25.00", "DKK"), 1), EUR, new AddonPrice(Money.of("3.50", "EUR"), 1)));
        addons.put(new AddonProduct("web-start", ChargeKind.HOSTING, "Web hosting Start",
                        "10 GB web space, PHP and one database, with free TLS certificates.", false, true, 3),
                Map.of(DKK, new AddonPrice(Money.of("49.00", "DKK"), 1), EUR, new AddonPrice(Money.of("6.50", "EUR"), 1)));
        addons.put(new AddonProduct("web-pro", ChargeKind.HOSTING, "Web hosting Pro",
                        "50 GB web space, PHP, ten databases and daily backups, with free TLS certificates.", false, true, 4),
                Map.of(DKK, new AddonPrice(Money.of("99.00", "DKK"), 1), EUR, new AddonPrice(Money.of("13.00", "EUR"), 1)));
        addons.put(new AddonProduct("site-builder", ChargeKind.SITE_BUILDER, "Site builder",
                        "Build your website in the browser from ready designs; hosting included.", true, true, 5),
                Map.of(DKK, new AddonPrice(Money.of("399.00", "DKK"), 12), EUR, new AddonPrice(Money.of("54.00", "EUR"), 12)));
    }
}
