package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.registry.DomainInfo;
import org.kontor.host.demo.DemoData;
import org.kontor.it.SandboxDomains;

/**
 * The customer center's domain pages in a real browser (CC-3, CC-8): the demo customer signs in, finds their domain
 * from the account overview, changes its nameservers (the sandbox registry has them afterwards), and retrieves its
 * auth code, which the page shows and the registry holds.
 */
@BrowserTest(host = DemoBrowserHost.class)
class DomainManagementBrowserTest {

    @Test
    void aCustomerChangesNameserversAndRetrievesTheAuthCode(StorefrontBrowser browser) {
        DomainName name = SandboxDomains.register(browser.host(), DemoData.CUSTOMER_ID, "kunde");

        browser.open("/account/signin?next=/account");
        browser.type("#email", DemoData.CUSTOMER_EMAIL).type("#password", DemoData.CUSTOMER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/account");
        browser.go("#account-domains");
        assertThat(browser.path()).isEqualTo("/account/domains");
        assertThat(browser.text("#domain-" + name.ascii().replace(".", "\\."))).contains(name.unicode());
        browser.step("domains");

        browser.go("#domain-list a[href$='/" + name.ascii() + "']");
        assertThat(browser.path()).isEqualTo("/account/domains/" + name.ascii());
        browser.step("domain");

        browser.type("#nameservers", "ns1.kunde-dns.net\nns2.kunde-dns.net\nns.bücher.net");
        browser.go("#nameservers-form button[type='submit']");
        assertThat(browser.path()).isEqualTo("/account/domains/" + name.ascii() + "?done=nameservers");
        assertThat(browser.text("#domain-done")).isEqualTo("The nameservers were changed.");
        assertThat(browser.text("#current-nameservers")).contains("ns1.kunde-dns.net", "ns2.kunde-dns.net",
                "ns.bücher.net");
        assertThat(browser.text("#domain-history")).contains("Nameservers changed");
        DomainInfo atRegistry = SandboxDomains.info(browser.host(), name);
        assertThat(atRegistry.nameservers()).extracting(ns -> ns.host().ascii())
                .containsExactlyInAnyOrder("ns1.kunde-dns.net", "ns2.kunde-dns.net", "ns.xn--bcher-kva.net");
        browser.step("nameservers changed");

        // one nameserver is not enough: the page says so and the registry keeps the three
        browser.type("#nameservers", "ns1.kunde-dns.net");
        browser.go("#nameservers-form button[type='submit']");
        assertThat(browser.text("#domain-error")).contains("2 to 13");
        assertThat(SandboxDomains.info(browser.host(), name).nameservers()).hasSize(3);
        browser.step("too few nameservers");

        browser.go("#auth-code-form button[type='submit']");
        String shown = browser.text("#auth-code-value");
        assertThat(shown).isNotBlank().isEqualTo(SandboxDomains.info(browser.host(), name).authCode());
        assertThat(browser.text("#domain-history")).contains("Auth code retrieved").doesNotContain(shown);
        browser.step("auth code");
    }
}
