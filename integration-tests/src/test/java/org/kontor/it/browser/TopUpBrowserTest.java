package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.host.demo.DemoData;

/**
 * "Add funds" in a real browser against the demo (PA-5): the reseller follows Add funds from the header to the prepaid
 * account's deposits, requests a top-up, pays it by bank transfer and reads on the payment's status page where to
 * send the money and with which reference.
 */
@BrowserTest
class TopUpBrowserTest {

    @Test
    void aResellerAddsFundsAndGetsTheTransferInstructions(StorefrontBrowser browser) {
        browser.open("/account/signin");
        browser.type("#email", DemoData.RESELLER_EMAIL).type("#password", DemoData.RESELLER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.has("#account-add-funds")).as(browser.pageText()).isTrue();
        browser.go("#nav-add-funds");
        assertThat(browser.path()).isEqualTo("/p/prepaid-account/deposits");
        browser.step("deposits");

        browser.type("input[name='amount']", "1250");
        browser.go("form[action='/p/prepaid-account/deposits'] button[type='submit']");
        assertThat(browser.path()).startsWith("/p/prepaid-account/deposits?requested=");
        assertThat(browser.text("#top-up-requested")).contains("1,250.00");
        browser.step("top-up requested");

        browser.go("#pay-requested");
        assertThat(browser.path()).startsWith("/account/pay/top-up/");
        assertThat(browser.text("#pay-due")).contains("1,250.00");
        browser.click("#pay-bank-transfer-bank-transfer");
        browser.step("pay by bank transfer");
        browser.go("#pay-submit");

        assertThat(browser.path()).startsWith("/account/payments/top-up:");
        assertThat(browser.find("#payment-state").getAttribute("data-state")).isEqualTo("waiting");
        assertThat(browser.text("#payment-instructions")).contains("IBAN").containsPattern("reference RF\\d\\d");
        browser.step("transfer instructions");

        browser.go("#payment-back");
        assertThat(browser.path()).isEqualTo("/p/prepaid-account/deposits");
    }
}
