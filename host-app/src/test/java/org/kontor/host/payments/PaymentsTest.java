package org.kontor.host.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Payments through the test gateway plugin on a running host: the intent recorded before the call and the outcome
 * after, webhooks stored, verified and applied once, the janitor, refunds, and who may do what.
 */
@DatabaseTest
class PaymentsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private PaymentsHost payments;

    @AfterEach
    void stop() {
        if (payments != null) {
            payments.close();
        }
    }

    @DbTest
    void anInvoiceIsPaidOnceThoughItsWebhookArrivesThreeTimesAtOnceThenLateAndForged(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("payer");
        String token = payments.tokenOf(customer);
        String invoiceId = payments.issuedInvoice(customer, "125.00");

        HttpResponse<String> started = payments.pay(token, "INVOICE", invoiceId, "pay-invoice-1");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(payments.undocumented("POST", "/api/v1/payments", started)).isEmpty();
        JsonNode payment = payments.read(started);
        String paymentId = payment.get("id").asText();
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        assertThat(payment.get("amount").get("amount").asText()).isEqualTo("125.00");
        assertThat(payment.get("redirectUrl").asText()).startsWith("https://pay.test-gateway.example/checkout/tg-pay:");
        String reference = payment.get("providerReference").asText();
        assertThat(payments.read(payments.pay(token, "INVOICE", invoiceId, "pay-invoice-1")).get("id").asText())
                .as("the same Idempotency-Key answers the first payment").isEqualTo(paymentId);
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("ISSUED");

        String body = PaymentsHost.notification("evt-ok-" + paymentId, reference, "PROCESSED", "125.00");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(pool.submit((Callable<HttpResponse<String>>) () -> payments.webhook(body)));
        }
        for (Future<HttpResponse<String>> delivery : deliveries) {
            assertThat(delivery.get().statusCode()).as(delivery.get().body()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        assertThat(payments.count("SELECT COUNT(*) FROM webhook_inbox WHERE gateway = 'test-gateway' AND body = ?", body))
                .as("every delivery is stored").isEqualTo(3);
        assertThat(payments.count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentSucceeded' "
                + "AND payload LIKE ?", "%" + paymentId + "%")).isEqualTo(1);
        HttpResponse<String> own = payments.send("GET", "/api/v1/payments/" + paymentId, token, null, null);
        assertThat(payments.undocumented("GET", "/api/v1/payments/{id}", own)).isEmpty();
        JsonNode paid = payments.read(own);
        assertThat(paid.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(paid.get("applied").asBoolean()).isTrue();

        // reordered: the failure notice of an attempt arrives after the success
        HttpResponse<String> late = payments.webhook(PaymentsHost.notification("evt-late-" + paymentId, reference, "ERROR",
                "125.00"));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(payments.read(payments.send("GET", "/api/v1/payments/" + paymentId, token, null, null))
                .get("status").asText()).isEqualTo("PROCESSED");
        assertThat(payments.count("SELECT COUNT(*) FROM webhook_event WHERE event_id = ? AND result = 'IGNORED'",
                "evt-late-" + paymentId)).isEqualTo(1);

        // tampered: the amount changed after signing, or signed with another secret
        String genuine = PaymentsHost.notification("evt-forged-" + paymentId, reference, "PROCESSED", "1.00");
        HttpResponse<String> forged = payments.webhook(genuine.replace("1.00", "999.00"), genuine, PaymentsHost.SECRET);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> wrongKey = payments.webhook(genuine, genuine, "another-secret");
        assertThat(wrongKey.statusCode()).isEqualTo(400);
        assertThat(payments.count("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'REJECTED' AND body LIKE ?",
                "%evt-forged-" + paymentId + "%")).isEqualTo(2);
        assertThat(payments.count("SELECT COUNT(*) FROM webhook_event WHERE event_id = ?", "evt-forged-" + paymentId))
                .isZero();
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);

        // replaying every stored row of this payment changes nothing
        for (String inboxId : payments.host.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM webhook_inbox WHERE body LIKE ?").bind(0, "%" + reference + "%").mapTo(String.class)
                .list())) {
            payments.host.payments().webhooks().process(inboxId);
        }
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        assertThat(payments.count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentSucceeded' "
                + "AND payload LIKE ?", "%" + paymentId + "%")).isEqualTo(1);
    }

    @DbTest
    void aWebhookForAnUnknownPaymentIsKeptFailedAndTheJanitorAppliesItOnceThePaymentIsKnown(Database database)
            throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("early");
        String invoiceId = payments.issuedInvoice(customer, "40.00");
        JsonNode payment = payments.read(payments.pay(payments.tokenOf(customer), "INVOICE", invoiceId, "pay-early"));
        String paymentId = payment.get("id").asText();
        String reference = payment.get("providerReference").asText();
        // the provider's notice overtakes the purchase's answer: the payment does not carry the reference yet
        payments.host.database().jdbi().useHandle(h -> h.createUpdate("UPDATE payment SET provider_reference = NULL, "
                + "idempotency_key = ? WHERE id = ?").bind(0, "held-back:" + paymentId.substring(paymentId.length() - 36))
                .bind(1, paymentId).execute());

        HttpResponse<String> early = payments.webhook(PaymentsHost.notification("evt-" + reference, reference,
                "PROCESSED", "40.00"));
        assertThat(early.statusCode()).isEqualTo(200);
        String inboxId = payments.read(early).get("id").asText();
        assertThat(payments.read(early).get("state").asText()).isEqualTo("FAILED");
        HttpResponse<String> failed = payments.send("GET", "/api/v1/admin/payments/webhooks?state=FAILED",
                payments.adminToken(), null, null);
        assertThat(failed.body()).contains(inboxId);
        assertThat(payments.undocumented("GET", "/api/v1/admin/payments/webhooks", failed)).isEmpty();
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("ISSUED");

        payments.host.database().jdbi().useHandle(h -> h.createUpdate("UPDATE payment SET provider_reference = ? "
                + "WHERE id = ?").bind(0, reference).bind(1, paymentId).execute());
        payments.host.payments().janitor().settleOpenPayments();
        assertThat(payments.host.payments().inbox().find(inboxId).orElseThrow().state().name()).isEqualTo("PROCESSED");
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        HttpResponse<String> replayed = payments.send("POST", "/api/v1/admin/payments/webhooks/" + inboxId + "/replay",
                payments.adminToken(), null, null);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
    }

    @DbTest
    void anOrderAwaitingPaymentIsFundedThroughAWebhook(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("orderer");
        String token = payments.tokenOf(customer);
        String orderId = "order-" + UUID.randomUUID();
        payments.host.database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO customer_order (id, customer_id, "
                        + "request_key, currency, subtotal_minor, discount_minor, total_minor, payment_method, state, "
                        + "terms_accepted_at, placed_at, updated_at) VALUES (?, ?, ?, 'DKK', 5000, 0, 5000, "
                        + "'test-gateway', 'AWAITING_PAYMENT', 0, 0, 0)")
                .bind(0, orderId).bind(1, customer.id()).bind(2, orderId).execute());
        // a pre-registration waiting for general availability: provisioning queues it and the order stays funded
        payments.host.database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO order_line (order_id, line_no, kind, "
                        + "charge_kind, domain, tld, description, period_months, price_minor, discount_minor, "
                        + "not_before, operation_key, state, updated_at) VALUES (?, 1, 'REGISTER', 'DOMAIN_CREATE', "
                        + "'paid-by-card.dk', 'dk', 'paid-by-card.dk, 1 year', 12, 5000, 0, ?, ?, 'WAITING', 0)")
                .bind(0, orderId).bind(1, Instant.parse("2031-01-01T00:00:00Z").toEpochMilli())
                .bind(2, "order-line:" + orderId).execute());

        HttpResponse<String> other = payments.pay(payments.tokenOf(payments.customer("stranger")), "ORDER", orderId,
                "pay-order-x");
        assertThat(other.statusCode()).as("another customer's order").isEqualTo(404);
        JsonNode payment = payments.read(payments.pay(token, "ORDER", orderId, "pay-order-1"));
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        assertThat(payments.host.orders().find(orderId).orElseThrow().state().name()).isEqualTo("AWAITING_PAYMENT");

        HttpResponse<String> hook = payments.webhook(PaymentsHost.notification("evt-order-" + orderId,
                payment.get("providerReference").asText(), "PROCESSED", "50.00"));
        assertThat(hook.statusCode()).isEqualTo(200);
        assertThat(payments.host.orders().find(orderId).orElseThrow().state().name())
                .as("funded, and then provisioning queues the pre-registration").isIn("FUNDED", "PROVISIONING");
        assertThat(payments.pay(token, "ORDER", orderId, "pay-order-2").statusCode())
                .as("a funded order takes no second payment").isEqualTo(404);
    }

    @DbTest
    void theJanitorSettlesAnUndefinedPaymentAfterTheGracePeriodAndADeclineIsFinal(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("janitor");
        String token = payments.tokenOf(customer);
        String lost = payments.issuedInvoice(customer, "100.13");
        JsonNode payment = payments.read(payments.pay(token, "INVOICE", lost, "pay-lost"));
        assertThat(payment.get("status").asText()).isEqualTo("UNDEFINED");
        String paymentId = payment.get("id").asText();

        PaymentsJanitor janitor = payments.host.payments().janitor();
        assertThat(janitor.settleOpenPayments()).as("within the grace period nobody asks").isZero();
        clock.advance(Duration.ofMinutes(16));
        janitor.settleOpenPayments();
        Payment settled = payments.host.payments().payments().store().find(paymentId).orElseThrow();
        assertThat(settled.status().name()).isEqualTo("PROCESSED");
        assertThat(settled.applied()).isTrue();
        assertThat(settled.attempts()).isEqualTo(2);
        assertThat(payments.invoice(lost).get("state").asText()).isEqualTo("PAID");
        clock.advance(Duration.ofHours(1));
        janitor.settleOpenPayments();
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", lost)).isEqualTo(1);

        String declined = payments.issuedInvoice(customer, "80.66");
        JsonNode refused = payments.read(payments.pay(token, "INVOICE", declined, "pay-declined"));
        assertThat(refused.get("status").asText()).isEqualTo("ERROR");
        assertThat(refused.get("message").asText()).contains("card_declined");
        assertThat(payments.invoice(declined).get("state").asText()).isEqualTo("ISSUED");

        // a pending payment is asked again with back-off: after the grace period, then twice as long
        String waiting = payments.issuedInvoice(customer, "60.00");
        String pendingId = payments.read(payments.pay(token, "INVOICE", waiting, "pay-waiting")).get("id").asText();
        clock.advance(Duration.ofMinutes(16));
        janitor.settleOpenPayments();
        Payment asked = payments.host.payments().payments().store().find(pendingId).orElseThrow();
        assertThat(asked.status().name()).isEqualTo("PENDING");
        assertThat(asked.nextCheckAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @DbTest
    void refundsTogetherNeverExceedThePaymentAndOnlyTheOperatorRefunds(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("refunded");
        String token = payments.tokenOf(customer);
        String admin = payments.adminToken();
        String invoiceId = payments.issuedInvoice(customer, "200.77");
        JsonNode payment = payments.read(payments.pay(token, "INVOICE", invoiceId, "pay-refund"));
        assertThat(payment.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        String refundPath = "/api/v1/admin/payments/" + payment.get("id").asText() + "/refund";

        assertThat(payments.send("POST", refundPath, token, Map.of("amount", money("1.00")), "r-0").statusCode())
                .isEqualTo(403);
        HttpResponse<String> first = payments.send("POST", refundPath, admin, Map.of("amount", money("100.00"),
                "reason", "goodwill"), "r-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(payments.read(first).get("kind").asText()).isEqualTo("REFUND");
        assertThat(payments.read(first).get("status").asText()).isEqualTo("PROCESSED");
        assertThat(payments.read(payments.send("POST", refundPath, admin, Map.of("amount", money("100.00")), "r-1"))
                .get("id").asText()).as("the same key again").isEqualTo(payments.read(first).get("id").asText());
        HttpResponse<String> tooMuch = payments.send("POST", refundPath, admin, Map.of("amount", money("100.78")), "r-2");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(payments.read(tooMuch).get("reason").asText()).isEqualTo("refund-exceeds-payment");
        assertThat(payments.undocumented("POST", "/api/v1/admin/payments/{id}/refund", tooMuch)).isEmpty();
        assertThat(payments.undocumented("POST", "/api/v1/admin/payments/{id}/refund", first)).isEmpty();
        assertThat(payments.send("POST", refundPath, admin, Map.of("amount", money("100.77")), "r-3").statusCode())
                .isEqualTo(201);
        assertThat(payments.send("POST", refundPath, admin, Map.of("amount", money("0.01")), "r-4").statusCode())
                .isEqualTo(409);

        String pendingInvoice = payments.issuedInvoice(customer, "10.00");
        String pending = payments.read(payments.pay(token, "INVOICE", pendingInvoice, "pay-pending")).get("id").asText();
        HttpResponse<String> notPaid = payments.send("POST", "/api/v1/admin/payments/" + pending + "/refund", admin,
                Map.of("amount", money("1.00")), "r-5");
        assertThat(notPaid.statusCode()).isEqualTo(409);
        assertThat(payments.read(notPaid).get("reason").asText()).isEqualTo("not-processed");
    }

    @DbTest
    void customersPayOnlyTheirOwnAndTheOperatorSeesAndRecordsPayments(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer owner = payments.customer("owner");
        Customer other = payments.customer("other");
        String admin = payments.adminToken();
        String invoiceId = payments.issuedInvoice(owner, "75.00");

        HttpResponse<String> foreign = payments.pay(payments.tokenOf(other), "INVOICE", invoiceId, "steal-1");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(payments.undocumented("POST", "/api/v1/payments", foreign)).isEmpty();
        assertThat(payments.pay(payments.tokenOf(owner), "INVOICE", invoiceId, null).statusCode())
                .as("no Idempotency-Key").isEqualTo(400);
        assertThat(payments.pay(null, "INVOICE", invoiceId, "anonymous").statusCode()).isEqualTo(401);
        assertThat(payments.pay(payments.tokenOf(owner), "TOP_UP", "no-such-top-up", "top-up-1").statusCode())
                .isEqualTo(404);
        HttpResponse<String> badGateway = payments.send("POST", "/api/v1/payments", payments.tokenOf(owner),
                Map.of("purpose", "INVOICE", "targetId", invoiceId, "gateway", "nope"), "gw-1");
        assertThat(badGateway.statusCode()).isEqualTo(422);
        String ownPayment = payments.read(payments.pay(payments.tokenOf(owner), "INVOICE", invoiceId, "own-1"))
                .get("id").asText();
        assertThat(payments.send("GET", "/api/v1/payments/" + ownPayment, payments.tokenOf(other), null, null)
                .statusCode()).isEqualTo(404);
        assertThat(payments.send("GET", "/api/v1/admin/payments", payments.tokenOf(owner), null, null).statusCode())
                .isEqualTo(403);

        HttpResponse<String> manual = payments.send("POST", "/api/v1/admin/payments/manual", admin, Map.of(
                "purpose", "INVOICE", "targetId", invoiceId, "amount", money("75.00"), "reference", "BANK-4711"), "m-1");
        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(201);
        assertThat(payments.read(manual).get("gateway").asText()).isEqualTo("manual");
        assertThat(payments.undocumented("POST", "/api/v1/admin/payments/manual", manual)).isEmpty();
        assertThat(payments.send("POST", "/api/v1/admin/payments/manual", admin, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "amount", money("75.00")), "m-1").statusCode()).isEqualTo(201);
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);

        HttpResponse<String> listed = payments.send("GET", "/api/v1/admin/payments?customerId=" + owner.id()
                + "&status=PROCESSED", admin, null, null);
        assertThat(payments.undocumented("GET", "/api/v1/admin/payments", listed)).isEmpty();
        JsonNode overview = payments.read(listed);
        assertThat(overview.get("payments")).hasSize(1);
        assertThat(overview.get("payments").get(0).get("gateway").asText()).isEqualTo("manual");
        assertThat(payments.read(payments.send("GET", "/api/v1/admin/payments?customerId=" + owner.id(), admin, null,
                null)).get("payments")).hasSize(2);
        assertThat(payments.send("GET", "/api/v1/admin/payments?status=MAYBE", admin, null, null).statusCode())
                .isEqualTo(422);
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "DKK");
    }
}
