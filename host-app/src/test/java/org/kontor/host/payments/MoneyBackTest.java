package org.kontor.host.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentNotifications;
import org.kontor.database.Database;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Money that goes back on a processed payment (the operator's refund, the provider's chargeback or returned direct
 * debit) comes off the invoice it paid again, once, and never beyond what the payment brought in.
 */
@DatabaseTest
class MoneyBackTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-12T10:00:00Z"));
    private PaymentsHost payments;

    @AfterEach
    void stop() {
        if (payments != null) {
            payments.close();
        }
    }

    @DbTest
    void aRefundAndAChargebackReopenTheInvoiceOnceAndNeverBeyondThePayment(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("charged-back");
        String token = payments.tokenOf(customer);
        String admin = payments.adminToken();
        String invoiceId = payments.issuedInvoice(customer, "200.00");
        JsonNode payment = payments.read(payments.pay(token, "INVOICE", invoiceId, "pay-cb"));
        String paymentId = payment.get("id").asText();
        String reference = payment.get("providerReference").asText();
        assertThat(payments.webhook(PaymentsHost.notification("evt-paid-" + paymentId, reference, "PROCESSED",
                "200.00")).statusCode()).isEqualTo(200);
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");

        HttpResponse<String> refund = payments.send("POST", "/api/v1/admin/payments/" + paymentId + "/refund", admin,
                Map.of("amount", Map.of("amount", "50.00", "currency", "DKK"), "reason", "goodwill"), "refund-cb-1");
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(payments.read(refund).get("reason").asText()).isEqualTo("goodwill");
        assertThat(payments.read(refund).get("reversal").asBoolean()).isFalse();
        JsonNode afterRefund = payments.invoice(invoiceId);
        assertThat(afterRefund.get("state").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(paid(afterRefund)).isEqualTo("150.00");

        String chargeback = PaymentsHost.notification("evt-cb-" + paymentId, reference, "PROCESSED", "150.00")
                + "&kind=REVERSAL&reason=fraudulent";
        assertThat(payments.webhook(chargeback).statusCode()).isEqualTo(200);
        assertThat(payments.webhook(chargeback).statusCode()).as("a redelivery").isEqualTo(200);
        JsonNode afterChargeback = payments.invoice(invoiceId);
        assertThat(afterChargeback.get("state").asText()).as("open again for everything").isEqualTo("ISSUED");
        assertThat(paid(afterChargeback)).isEqualTo("0.00");
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE refund_of = ? AND reversal = 1", paymentId))
                .isEqualTo(1);
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ? AND amount_minor < 0",
                invoiceId)).isEqualTo(2);
        assertThat(payments.count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentReversed' "
                + "AND payload LIKE ?", "%" + paymentId + "%")).as("one for the refund, one for the chargeback")
                .isEqualTo(2);
        assertThat(payments.count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentReversed' "
                + "AND payload LIKE ? AND payload LIKE '%fraudulent%'", "%" + paymentId + "%")).isEqualTo(1);

        // nothing is left of the payment: a further reversal is kept for the operator and changes nothing
        HttpResponse<String> beyond = payments.webhook(PaymentsHost.notification("evt-cb2-" + paymentId, reference,
                "PROCESSED", "0.01") + "&kind=REVERSAL&reason=duplicate");
        assertThat(payments.read(beyond).get("state").asText()).isEqualTo("FAILED");
        assertThat(paid(payments.invoice(invoiceId))).isEqualTo("0.00");
        HttpResponse<String> refundNothing = payments.send("POST", "/api/v1/admin/payments/" + paymentId + "/refund",
                admin, Map.of("amount", Map.of("amount", "0.01", "currency", "DKK")), "refund-cb-2");
        assertThat(refundNothing.statusCode()).as("the chargeback took the rest").isEqualTo(409);

        // the customer pays again and the invoice is paid once more
        JsonNode again = payments.read(payments.pay(token, "INVOICE", invoiceId, "pay-cb-again"));
        assertThat(again.get("amount").get("amount").asText()).isEqualTo("200.00");
    }

    @DbTest
    void aReversalOfAnOpenPaymentFailsIt(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("returned-early");
        String invoiceId = payments.issuedInvoice(customer, "30.00");
        JsonNode payment = payments.read(payments.pay(payments.tokenOf(customer), "INVOICE", invoiceId, "pay-early-ret"));
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");

        assertThat(payments.webhook(PaymentsHost.notification("evt-ret-" + payment.get("id").asText(),
                payment.get("providerReference").asText(), "PROCESSED", "30.00") + "&kind=REVERSAL&reason=AM04")
                .statusCode()).isEqualTo(200);
        assertThat(payments.host.payments().payments().store().find(payment.get("id").asText()).orElseThrow().status()
                .name()).isEqualTo("ERROR");
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("ISSUED");
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE refund_of = ?", payment.get("id").asText()))
                .isZero();
    }

    @DbTest
    void aGatewayReportsAReturnItselfAndItIsTakenOnceLikeAWebhook(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("reported");
        String invoiceId = payments.issuedInvoice(customer, "80.00");
        JsonNode payment = payments.read(payments.pay(payments.tokenOf(customer), "INVOICE", invoiceId, "pay-rep"));
        String reference = payment.get("providerReference").asText();
        payments.webhook(PaymentsHost.notification("evt-rep-" + reference, reference, "PROCESSED", "80.00"));
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");

        PaymentNotifications reports = payments.host.payments().notificationsOf(PaymentsHost.GATEWAY);
        PaymentNotification returned = PaymentNotification.reversal("return-" + reference, reference,
                Money.of("80.00", "DKK"), "MD06");
        reports.report(PaymentsHost.GATEWAY, List.of(returned));
        reports.report(PaymentsHost.GATEWAY, List.of(returned));

        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("ISSUED");
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE reversal = 1 AND reason = 'MD06' AND refund_of = ?",
                payment.get("id").asText())).isEqualTo(1);
        assertThat(payments.count("SELECT COUNT(*) FROM webhook_inbox WHERE origin = 'PLUGIN' AND body LIKE ?",
                "%return-" + reference + "%")).isEqualTo(2);
        String inboxId = payments.host.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM webhook_inbox WHERE origin = 'PLUGIN' AND body LIKE ? ORDER BY received_at LIMIT 1")
                .bind(0, "%return-" + reference + "%").mapTo(String.class).one());
        assertThat(payments.send("POST", "/api/v1/admin/payments/webhooks/" + inboxId + "/replay",
                payments.adminToken(), null, null).statusCode()).isEqualTo(200);
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ? AND amount_minor < 0",
                invoiceId)).as("replayed, still once").isEqualTo(1);

        assertThatThrownBy(() -> payments.host.payments().notificationsOf("another-plugin").report(PaymentsHost.GATEWAY,
                List.of(returned))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another-plugin");
    }

    private static String paid(JsonNode invoice) {
        return invoice.get("paid").get("amount").asText();
    }
}
