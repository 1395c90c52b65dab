package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.host.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Ordering in a real browser against the demo and its sandbox registry: a visitor fills the cart with two domains (one
 * IDN), an add-on and a voucher, signs in on the way to the checkout, chooses the holder, pays from the prepaid account
 * and watches the order complete; and a domain transfer with its auth code.
 */
@BrowserTest
class OrderingBrowserTest {

    private static final Duration ORDER_DONE = Duration.ofSeconds(60);

    @Test
    void aVisitorOrdersTwoDomainsAndAnAddonWithAVoucherAndPaysFromThePrepaidAccount(StorefrontBrowser browser) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String plain = "kontor-" + suffix + ".test";
        String idn = "kontor-æøå-" + suffix + ".test";

        addDomain(browser, plain);
        addDomain(browser, idn);
        assertThat(browser.text("#cart-subtotal")).contains("200.00");
        assertThat(browser.pageText()).contains("Registration of " + idn)
                .contains(DomainName.of(idn).ascii());
        browser.step("two domains in the cart");

        browser.go("button[data-add-addon='forwarding']");
        assertThat(browser.path()).startsWith("/cart");
        assertThat(browser.pageText()).contains("Web and e-mail forwarding for " + plain);
        browser.step("add-on in the cart");

        browser.type("#voucher-code", "WELCOME10");
        browser.go("#voucher button[type='submit']");
        assertThat(browser.text("#cart-discount")).contains("20.00");
        assertThat(browser.text("#cart-total")).contains("240.00"); // 100 + 100 + 60 − 10 % of the registrations
        browser.step("voucher applied");

        browser.go("#to-checkout");
        assertThat(browser.path()).startsWith("/account/signin?next=");
        browser.step("asked to sign in");
        browser.type("#email", DemoData.RESELLER_EMAIL).type("#password", DemoData.RESELLER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/checkout");
        assertThat(browser.all("select[data-holder-for]")).hasSize(2); // the visitor's cart came along
        browser.step("checkout after sign-in");

        for (WebElement select : browser.all("select[data-holder-for]")) {
            browser.choose("#" + select.getAttribute("id"), "Rasmus Reseller");
        }
        browser.click("#ns-default");
        assertThat(browser.text("#checkout-discount")).contains("20.00");
        browser.click("#payment-prepaid-account");
        browser.click("#terms");
        browser.step("holder, payment and terms chosen");
        browser.go("#place-order");

        assertThat(browser.path()).matches("/orders/O-\\d{8}-[0-9A-F]{8}");
        browser.step("order placed");
        browser.await(ORDER_DONE, driver -> {
            List<WebElement> state = driver.findElements(By.cssSelector("#order-state"));
            return !state.isEmpty() && state.get(0).getAttribute("data-state").matches("COMPLETED|FAILED|CANCELLED");
        });
        assertThat(browser.find("#order-state").getAttribute("data-state")).as(browser.pageText()).isEqualTo("COMPLETED");
        assertThat(browser.all("[data-line-state]")).extracting(e -> e.getAttribute("data-line-state"))
                .containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(browser.text("#order-total")).contains("240.00");
        browser.step("order completed");
        assertThat(browser.host().domainStore().find(DemoData.RESELLER_ID, DomainName.of(idn))).isPresent();
        assertThat(browser.host().domainStore().find(DemoData.RESELLER_ID, DomainName.of(plain))).isPresent();
    }

    @Test
    void aTransferWithTheRightAuthCodeGoesThroughToTheOrder(StorefrontBrowser browser) {
        browser.open("/cart?transfer=transfer-demo.example");
        assertThat(browser.find("#transfer-domain").getAttribute("value")).isEqualTo("transfer-demo.example");
        browser.type("#transfer-authcode", "Kontor-Demo-Transfer-7");
        browser.step("transfer form filled in");
        browser.go("#transfer-submit");
        assertThat(browser.pageText()).contains("Transfer of transfer-demo.example");
        browser.step("transfer in the cart");

        browser.go("#to-checkout");
        browser.type("#email", DemoData.RESELLER_EMAIL).type("#password", DemoData.RESELLER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/checkout");
        browser.choose("select[data-holder-for='transfer-demo.example']", "Rasmus Reseller");
        browser.click("#payment-prepaid-account");
        browser.click("#terms");
        browser.step("transfer checkout");
        browser.go("#place-order");

        assertThat(browser.path()).matches("/orders/O-\\d{8}-[0-9A-F]{8}");
        assertThat(browser.pageText()).contains("Transfer of transfer-demo.example");
        browser.await(ORDER_DONE, driver -> driver.findElement(By.cssSelector("[data-line-state]"))
                .getAttribute("data-line-state").matches("PENDING|COMPLETED|FAILED|CANCELLED"));
        assertThat(browser.find("[data-line-state]").getAttribute("data-line-state")).as(browser.pageText())
                .isIn("PENDING", "COMPLETED");
        browser.step("transfer ordered");
    }

    @Test
    void aTransferWithAWrongAuthCodeIsRefusedAtTheAuthCodeField(StorefrontBrowser browser) {
        browser.open("/cart?transfer=transfer-demo.example");
        browser.type("#transfer-authcode", "wrong-code");
        browser.go("#transfer-submit");
        browser.step("wrong auth code refused");

        assertThat(browser.has("#transfer-authcode-error")).as(browser.pageText()).isTrue();
        assertThat(browser.text("#transfer-authcode-error"))
                .contains("The auth code is not right for transfer-demo.example.");
        assertThat(browser.find("#transfer-authcode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#transfer-domain").getAttribute("value")).isEqualTo("transfer-demo.example");
        assertThat(browser.pageText()).contains("Your cart is empty.");
    }

    /**
     * Puts a domain in the cart as a visitor does: from the search page's add button when the storefront has one
     * for the name, else with the cart's own form. Either way the browser ends on the cart.
     */
    private static void addDomain(StorefrontBrowser browser, String domain) {
        String ascii = DomainName.of(domain).ascii();
        browser.open("/search?q=" + URLEncoder.encode(domain, StandardCharsets.UTF_8));
        for (WebElement button : browser.all("button[data-add-domain]")) {
            WebElement form = button.findElement(By.xpath("./ancestor::form"));
            boolean forThisName = form.findElements(By.cssSelector("input[name='domain']")).stream()
                    .anyMatch(input -> ascii.equals(input.getAttribute("value")) || domain.equals(input.getAttribute("value")));
            if (forThisName) {
                browser.step("search for " + ascii);
                browser.go(button);
                assertThat(browser.path()).startsWith("/cart");
                return;
            }
        }
        browser.open("/cart");
        browser.type("#add-domain", domain);
        browser.step("add " + ascii);
        browser.go("#add-submit");
        assertThat(browser.path()).as(browser.pageText()).startsWith("/cart");
        assertThat(browser.has("#cart-errors")).as(browser.pageText()).isFalse();
    }
}
