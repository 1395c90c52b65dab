package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.KontorHost;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.openqa.selenium.By;

/**
 * Paying an invoice in part in a real browser (CC-6, PAY-2): a customer signs in, opens the open invoice from the
 * invoice list, pays part of it by card through the test gateway, lands on the payment's status page showing it paid,
 * and finds the invoice with the rest outstanding.
 */
@BrowserTest(host = GatewayBrowserHost.class)
class InvoicePaymentBrowserTest {

    @Test
    void aCustomerPaysPartOfAnOpenInvoiceAndSeesWhatIsLeft(StorefrontBrowser browser) {
        KontorHost host = browser.host();
        String id = "browser-payer-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = host.customers().create(id, new SignUp(id + "@example.com", GatewayBrowserHost.PASSWORD,
                "Bettina Betaler", null, "DK", "en", "DKK"), Access.CUSTOMER);
        Invoice invoice = issued(host, customer, "200.00");
        String gross = invoice.gross().amount().toPlainString();
        String rest = invoice.gross().minus(Money.of("100.77", "DKK")).amount().toPlainString();

        browser.open("/account/signin");
        browser.type("#email", customer.email()).type("#password", GatewayBrowserHost.PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        browser.open("/account/invoices");
        assertThat(browser.pageText()).contains(invoice.number());
        browser.step("open invoice listed");

        browser.go("a[data-pay-invoice='" + invoice.id() + "']");
        assertThat(browser.path()).isEqualTo("/account/pay/invoice/" + invoice.id());
        assertThat(browser.text("#pay-title")).contains(invoice.number());
        assertThat(browser.text("#pay-due")).contains(gross);
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo(gross);
        browser.step("pay page");

        browser.type("#amount", "1000");
        browser.click("#pay-test-gateway-card");
        browser.go("#pay-submit");
        assertThat(browser.text("#amount-error")).contains("You can pay at most DKK" + gross);
        assertThat(browser.find("#amount").getAttribute("aria-invalid")).isEqualTo("true");
        browser.step("too much refused");

        browser.type("#amount", "100.77");
        browser.click("#pay-test-gateway-card");
        browser.go("#pay-submit");
        assertThat(browser.path()).startsWith("/account/payments/invoice:" + invoice.id() + ":");
        assertThat(browser.find("#payment-state").getAttribute("data-state")).isEqualTo("paid");
        assertThat(browser.text("#payment-state")).isEqualTo("Paid");
        assertThat(browser.text("#payment-amount")).contains("100.77");
        assertThat(browser.text("#payment-target")).contains(invoice.number());
        browser.step("payment paid");

        browser.go("#payment-back");
        assertThat(browser.path()).isEqualTo("/account/invoices");
        String row = browser.driver().findElement(By.xpath("//tr[td[contains(., '" + invoice.number() + "')]]"))
                .getText();
        assertThat(row).contains(rest).contains("Partially paid");
        assertThat(browser.has("a[data-pay-invoice='" + invoice.id() + "']")).as("the rest can still be paid").isTrue();
        browser.step("rest outstanding");

        Invoice after = host.billing().store().find(invoice.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
        assertThat(after.outstanding()).isEqualTo(Money.of(rest, "DKK"));
        assertThat(host.payments().payments().store().ofCustomer(customer.id())).hasSize(1);
    }

    private static Invoice issued(KontorHost host, Customer customer, String amount) {
        String draft = host.billing().store().createDraft(new NewDraft(Series.INVOICE, customer.id(), null,
                customer.language(), Currency.getInstance("DKK"), null,
                List.of(DraftLine.of("Web hosting, 12 months", "1", Money.of(amount, "DKK")))));
        return host.billing().invoicing().issue(draft, host.billing().profiles().buyer(customer.id()).orElseThrow());
    }
}
