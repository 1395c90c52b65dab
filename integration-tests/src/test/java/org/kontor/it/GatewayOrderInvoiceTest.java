package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.Order;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * An order paid through a payment gateway (the bank transfer plugin) against the demo: the checkout charges Danish
 * VAT on top of the net prices, the order waits for its money, is provisioned at the sandbox registry once paid, and
 * its invoice shows exactly what was charged (BIL-1).
 */
@DatabaseTest
class GatewayOrderInvoiceTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void anOrderPaidThroughAGatewayChargesVatAndIsInvoicedWithTheFiguresCharged(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        String domain = "faktura-" + OrderingHost.suffix() + ".test";
        demo.cartWith(token, domain);

        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "gateway-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        Order order = demo.host.orders().find(orderId).orElseThrow();
        assertThat(order.state().name()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.tax().treatment()).as("a Danish buyer of a Danish seller").isEqualTo("DOMESTIC");
        assertThat(order.vat()).isEqualTo(order.net().times(new java.math.BigDecimal("0.25"), RoundingMode.HALF_UP));
        assertThat(order.vat().isPositive()).isTrue();
        assertThat(order.total()).isEqualTo(order.net().plus(order.vat()));

        HttpResponse<String> orderPage = demo.send("GET", "/orders/" + orderId, null, token);
        assertThat(orderPage.body()).contains("id=\"order-pay\" href=\"/account/pay/order/" + orderId + "\"");
        HttpResponse<String> payPage = demo.send("GET", "/account/pay/order/" + orderId, null, token);
        assertThat(payPage.statusCode()).isEqualTo(200);
        assertThat(payPage.body()).contains("id=\"pay-form\"").contains("value=\"bank-transfer:BANK_TRANSFER\"")
                .as("an order is paid in full").doesNotContain("name=\"amount\"");

        demo.host.orderFulfilment().paid(orderId);
        JsonNode done = demo.awaitFinal(token, orderId);
        assertThat(done.get("state").asText()).isEqualTo("COMPLETED");

        Invoice invoice = awaitInvoice(orderId);
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThat(invoice.net()).isEqualTo(order.net());
        assertThat(invoice.vat()).isEqualTo(order.vat());
        assertThat(invoice.gross()).isEqualTo(order.total());
        assertThat(invoice.lines()).singleElement().satisfies(line -> assertThat(line.description()).contains(domain));
        try (PDDocument pdf = Loader.loadPDF(demo.host.billing().pdf().render(invoice))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(invoice.number());
        }
        HttpResponse<String> listed = demo.send("GET", "/api/v1/invoices", null, token);
        assertThat(listed.body()).contains(invoice.number());
        assertThat(Money.of(demo.json(listed).get("invoices").get(0).get("total").asText(), "DKK"))
                .isEqualTo(order.total());
    }

    /** The completion hook invoices on the provisioning worker just after the order's state changed. */
    private Invoice awaitInvoice(String orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        Optional<Invoice> invoice;
        do {
            invoice = demo.host.billing().store().findByOrder(orderId, Series.INVOICE)
                    .filter(found -> found.state() != InvoiceState.DRAFT);
            if (invoice.isPresent() && invoice.get().state() == InvoiceState.PAID) {
                return invoice.get();
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        return invoice.orElseThrow(() -> new AssertionError("order " + orderId + " was not invoiced"));
    }
}
