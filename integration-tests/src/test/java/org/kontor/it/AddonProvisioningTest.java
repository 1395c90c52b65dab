package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.addons.AddonPrice;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.addons.AddonProvisioningJob;
import org.kontor.host.addons.AddonService;
import org.kontor.host.addons.ServiceAct;
import org.kontor.host.addons.ServiceOperation;
import org.kontor.host.addons.ServiceState;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.ItemKind;
import org.kontor.host.orders.LineState;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderLine;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Add-on services set up by the real webhook provisioning plugin (loaded from the reactor) against a recorded endpoint
 * (WireMock, mappings under {@code provisioning/}): an order line with an add-on completes only once the provider
 * confirms, a refusal fails the line and keeps no money, an unanswered create is sent again by the job under the same
 * key, and the customer changes the plan and cancels. Orders with e-mail, hosting or a site builder are not paid from
 * the prepaid account (PA-8): they go through a gateway and are invoiced.
 */
@DatabaseTest
class AddonProvisioningTest {

    private static final String PLUGIN = "provisioning-webhook";
    private static final String SECRET = "whsec-kontor-e2e-7c1d";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private OrderingHost demo;
    private WireMockServer endpoint;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    @DbTest
    void anEmailServicePaidByBankTransferCompletesOnlyOnceTheProviderConfirmsAndIsInvoiced(Database database)
            throws Exception {
        start(database, 1);
        provisioned("mail-basic", "mail-5");
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        String domain = "post-" + OrderingHost.suffix() + ".test";
        demo.cartWith(token, domain);
        assertThat(paymentMethods(token)).as("a cart of domains only").contains("prepaid-account", "bank-transfer");

        HttpResponse<String> added = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "mail-basic", "domain", "kontor-demo.dk"), token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(paymentMethods(token)).as("PA-8: e-mail is not paid from a deposit")
                .doesNotContain("prepaid-account").contains("bank-transfer");
        HttpResponse<String> fromDeposit = demo.checkout(token, "mail-deposit-" + domain);
        assertThat(fromDeposit.statusCode()).as(fromDeposit.body()).isEqualTo(422);
        assertThat(fromDeposit.body()).contains("payment-method-unavailable");

        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "mail-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        assertThat(demo.host.orders().find(orderId).orElseThrow().state().name()).isEqualTo("AWAITING_PAYMENT");
        HttpResponse<String> request = demo.send("POST", "/api/v1/payments", Map.of("purpose", "ORDER",
                "targetId", orderId, "gateway", "bank-transfer"), token, "pay-" + orderId);
        assertThat(request.statusCode()).as("a payment request with the bank's details: " + request.body())
                .isEqualTo(201);
        assertThat(demo.json(request).get("status").asText()).isEqualTo("PENDING");

        demo.host.orderFulfilment().paid(orderId);
        OrderLine mail = awaitAddonLine(orderId, LineState.PENDING);
        assertThat(mail.message()).contains(PLUGIN);
        assertThat(awaitDomainLineFinal(orderId)).isEqualTo(LineState.COMPLETED);
        assertThat(demo.host.orders().find(orderId).orElseThrow().state().name()).as("the provider confirms later")
                .isEqualTo("PROVISIONING");
        AddonService pending = service(orderId);
        assertThat(pending.state()).isEqualTo(ServiceState.PENDING);

        job().run(null);
        assertThat(demo.host.orders().find(orderId).orElseThrow().state().name()).as("not asked before its time")
                .isEqualTo("PROVISIONING");
        demo.clock.advance(Duration.ofMinutes(2));
        job().run(null);

        JsonNode done = demo.awaitFinal(token, orderId);
        assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
        AddonService active = service(orderId);
        assertThat(active.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(active.remoteReference()).isEqualTo("acct-mail");
        assertThat(active.details()).containsEntry("webmail", "https://webmail.example.net");

        LoggedRequest create = endpoint.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hooks/services/create")))
                .get(0);
        String key = "svc:" + active.id() + ":create:1";
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo(key);
        assertSigned(create.getHeader("Kontor-Signature"), create.getBodyAsString());
        assertThat(create.getBodyAsString()).contains("\"plan\":\"mail-5\"").contains("\"email\":");
        LoggedRequest status = endpoint.findAll(WireMock.getRequestedFor(WireMock.urlEqualTo("/hooks/operations/" + key)))
                .get(0);
        assertSigned(status.getHeader("Kontor-Signature"), "");

        Invoice invoice = awaitInvoice(orderId);
        Order order = demo.host.orders().find(orderId).orElseThrow();
        assertThat(invoice.gross()).isEqualTo(order.total());
        assertThat(invoice.lines()).hasSize(2).anySatisfy(line -> assertThat(line.description()).contains("E-mail Basic"));

        HttpResponse<String> page = demo.send("GET", "/account/addons", null, token);
        assertThat(page.body()).contains("data-service=\"" + active.id() + "\" data-state=\"ACTIVE\"")
                .contains("https://webmail.example.net");
    }

    @DbTest
    void aServiceTheProviderRefusesFailsItsLineAndNoMoneyIsKeptForIt(Database database) throws Exception {
        start(database, 1);
        provisioned("site-builder", "builder-none");
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        String domain = "builder-" + OrderingHost.suffix() + ".test";
        demo.cartWith(token, domain);
        HttpResponse<String> added = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "site-builder", "domain", domain), token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "builder-" + domain);
        String orderId = demo.json(placed).get("id").asText();
        demo.host.orderFulfilment().paid(orderId);

        JsonNode done = demo.awaitFinal(token, orderId);
        assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("message").asText()).contains("1 of 2 lines failed; their money was released");
        Order order = demo.host.orders().find(orderId).orElseThrow();
        OrderLine builder = order.lines().stream().filter(line -> line.kind() == ItemKind.ADDON).findFirst().orElseThrow();
        OrderLine registration = order.lines().stream().filter(line -> line.kind() != ItemKind.ADDON).findFirst()
                .orElseThrow();
        assertThat(builder.state()).isEqualTo(LineState.FAILED);
        assertThat(builder.message()).contains("There is no such plan here.");
        assertThat(service(orderId).state()).isEqualTo(ServiceState.FAILED);
        Invoice invoice = awaitInvoice(orderId);
        assertThat(invoice.gross()).as("the invoice charges the delivered domain only").isEqualTo(registration.amountDue());
        assertThat(invoice.lines()).singleElement().satisfies(line -> assertThat(line.description()).contains(domain));

        // a domain service a prepaid account pays: its hold is released when the provider refuses
        demo.host.addons().put(new AddonProduct("dns-guard", ChargeKind.DOMAIN_ADDON, "DNS guard", "", true, true, 9,
                PLUGIN, "guard-none"), Map.of(Currency.getInstance("DKK"), new AddonPrice(Money.of("40.00", "DKK"), 12)));
        demo.emptyCart(token);
        HttpResponse<String> guard = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "dns-guard", "domain", "kontor-demo.dk"), token);
        assertThat(guard.statusCode()).as(guard.body()).isEqualTo(201);
        assertThat(paymentMethods(token)).contains("prepaid-account");
        BigDecimal before = demo.available();
        HttpResponse<String> prepaid = demo.checkout(token, "guard-" + domain);
        assertThat(prepaid.statusCode()).as(prepaid.body()).isEqualTo(201);
        String guardOrder = demo.json(prepaid).get("id").asText();
        JsonNode failed = demo.awaitFinal(token, guardOrder);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(demo.available()).as("the hold was released").isEqualByComparingTo(before);
        assertThat(demo.host.orders().find(guardOrder).orElseThrow().lines().get(0).state()).isEqualTo(LineState.FAILED);
    }

    @DbTest
    void anUnansweredCreateIsSentAgainByTheJobWithTheSameKeyAndTheCustomerChangesThePlanAndCancels(Database database)
            throws Exception {
        start(database, 0);
        provisioned("web-start", "web-10");
        provisioned("web-pro", "web-50");
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        HttpResponse<String> added = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "web-start"), token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(paymentMethods(token)).as("PA-8: hosting is not paid from a deposit").doesNotContain("prepaid-account");
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "web-" + OrderingHost.suffix());
        String orderId = demo.json(placed).get("id").asText();
        demo.host.orderFulfilment().paid(orderId);

        awaitAddonLine(orderId, LineState.PENDING);
        AddonService pending = service(orderId);
        ServiceOperation unanswered = demo.host.serviceOperations().store()
                .operation(ServiceOperation.keyOf(pending.id(), ServiceAct.CREATE, 1)).orElseThrow();
        assertThat(unanswered.state()).isEqualTo(ServiceOperation.State.OPEN);
        assertThat(unanswered.outcomeStatus().name()).isEqualTo("UNDEFINED");
        assertThat(unanswered.attempts()).isEqualTo(1);

        job().run(null);
        assertThat(creates()).as("not sent again before the backoff").hasSize(1);
        demo.clock.advance(Duration.ofSeconds(61));
        job().run(null);

        assertThat(demo.awaitFinal(token, orderId).get("state").asText()).isEqualTo("COMPLETED");
        List<LoggedRequest> creates = creates();
        assertThat(creates).hasSize(2).allSatisfy(create -> {
            assertThat(create.getHeader("Idempotency-Key")).isEqualTo("svc:" + pending.id() + ":create:1");
            assertThat(create.getBodyAsString()).isEqualTo(creates.get(0).getBodyAsString());
        });
        AddonService active = service(orderId);
        assertThat(active.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(active.details()).containsEntry("panel", "https://panel.example.net/acct-web");

        JsonNode doc = demo.json(demo.send("GET", "/api/openapi.json", null, null));
        HttpResponse<String> list = demo.send("GET", "/api/v1/services", null, token);
        OpenApiAnswers.matches(doc, "GET", "/api/v1/services", list);
        JsonNode listed = demo.json(list).get("services");
        JsonNode mine = null;
        for (JsonNode service : listed) {
            if (service.get("id").asText().equals(active.id())) {
                mine = service;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("planTargets").toString()).contains("web-pro");

        String stranger = demo.host.apiTokens().issue(DemoData.CUSTOMER_ID, Access.CUSTOMER, "test");
        HttpResponse<String> notMine = demo.send("POST", "/api/v1/services/" + active.id() + "/cancel", null, stranger);
        assertThat(notMine.statusCode()).isEqualTo(404);
        OpenApiAnswers.matches(doc, "POST", "/api/v1/services/{id}/cancel", notMine);
        HttpResponse<String> refused = demo.send("POST", "/api/v1/services/" + active.id() + "/plan",
                Map.of("product", "mail-basic"), token);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        OpenApiAnswers.matches(doc, "POST", "/api/v1/services/{id}/plan", refused);

        HttpResponse<String> moved = demo.send("POST", "/api/v1/services/" + active.id() + "/plan",
                Map.of("product", "web-pro"), token);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(demo.json(moved).get("product").asText()).isEqualTo("web-pro");
        OpenApiAnswers.matches(doc, "POST", "/api/v1/services/{id}/plan", moved);
        assertThat(demo.host.serviceOperations().store().find(active.id()).orElseThrow().plan()).isEqualTo("web-50");

        HttpResponse<String> cancelled = demo.send("POST", "/api/v1/services/" + active.id() + "/cancel", null, token);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        OpenApiAnswers.matches(doc, "POST", "/api/v1/services/{id}/cancel", cancelled);
        assertThat(Instant.parse(demo.json(cancelled).get("cancelAt").asText())).isEqualTo(active.renewsAt());
        assertThat(demo.send("GET", "/account/addons", null, token).body()).contains("data-ends=\"" + active.id() + "\"")
                .doesNotContain("data-cancel-service=\"" + active.id() + "\"");
        job().run(null);
        assertThat(service(orderId).state()).as("until the end of the paid period").isEqualTo(ServiceState.ACTIVE);

        demo.clock.advance(Duration.between(demo.clock.instant(), active.renewsAt()).plusMinutes(1));
        job().run(null);
        assertThat(service(orderId).state()).isEqualTo(ServiceState.TERMINATED);
        assertThat(endpoint.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hooks/services/terminate"))))
                .singleElement().satisfies(terminate -> assertThat(terminate.getHeader("Idempotency-Key"))
                        .isEqualTo("svc:" + active.id() + ":terminate:1"));
    }

    @DbTest
    void anEscalatedDunningSuspendsTheServicesAndPayingTheInvoiceByTransferStartsThemAgain(Database database)
            throws Exception {
        start(database, 1);
        provisioned("site-builder", "builder-1");
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon", "product", "site-builder",
                "domain", "kontor-demo.dk"), token);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "builder-" + OrderingHost.suffix());
        String orderId = demo.json(placed).get("id").asText();
        demo.host.orderFulfilment().paid(orderId);
        assertThat(demo.awaitFinal(token, orderId).get("state").asText()).isEqualTo("COMPLETED");
        AddonService builder = service(orderId);
        assertThat(builder.state()).isEqualTo(ServiceState.ACTIVE);

        HttpResponse<String> created = demo.send("POST", "/api/v1/admin/invoices", Map.of("customerId",
                DemoData.RESELLER_ID, "lines", List.of(Map.of("description", "Webhotel", "quantity", "1",
                        "unitPrice", "300.00", "vatRate", "0"))), DemoData.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invoiceId = demo.json(created).get("id").asText();
        HttpResponse<String> issued = demo.send("POST", "/api/v1/admin/invoices/" + invoiceId + "/issue", null,
                DemoData.ADMIN_TOKEN);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

        for (int day = 0; day < 90 && !escalated(invoiceId); day += 5) {
            demo.clock.advance(Duration.ofDays(5));
            demo.host.billing().dunning().run(false);
        }
        assertThat(escalated(invoiceId)).as("the invoice reached the last dunning level").isTrue();
        awaitService(builder.id(), ServiceState.SUSPENDED);
        assertThat(demo.host.serviceOperations().store().find(builder.id()).orElseThrow().suspendedFor())
                .isEqualTo("dunning:" + invoiceId);
        assertThat(demo.send("GET", "/account/addons", null, token).body())
                .contains("data-service=\"" + builder.id() + "\" data-state=\"SUSPENDED\"");

        HttpResponse<String> paying = demo.send("POST", "/api/v1/payments", Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", "bank-transfer"), token, "invoice-" + invoiceId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = demo.json(paying);
        Matcher quoted = Pattern.compile("reference (RF[0-9A-Z ]+)\\.").matcher(payment.get("instructions").asText());
        assertThat(quoted.find()).as(paying.body()).isTrue();
        String amount = payment.at("/amount/amount").asText();
        HttpResponse<String> imported = upload(statement(invoiceId.substring(0, 8), quoted.group(1).replace(" ", ""),
                amount));
        assertThat(imported.body()).as(imported.body()).contains("\"matched\":1");
        demo.clock.advance(Duration.ofMinutes(20));
        demo.host.payments().janitor().settleOpenPayments();

        awaitService(builder.id(), ServiceState.ACTIVE);
        assertThat(demo.host.serviceOperations().store().find(builder.id()).orElseThrow().suspendedFor()).isNull();
        assertThat(endpoint.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hooks/services/suspend"))))
                .singleElement().satisfies(call -> assertThat(call.getHeader("Idempotency-Key"))
                        .isEqualTo("svc:" + builder.id() + ":suspend:1"));
        assertThat(endpoint.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hooks/services/unsuspend"))))
                .singleElement().satisfies(call -> assertThat(call.getHeader("Idempotency-Key"))
                        .isEqualTo("svc:" + builder.id() + ":unsuspend:1"));

        HttpResponse<String> admin = demo.send("GET", "/admin/services/" + builder.id(), null, DemoData.ADMIN_TOKEN);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("svc:" + builder.id() + ":create:1").contains("svc:" + builder.id()
                + ":suspend:1").contains("dunning:" + invoiceId).contains("svc:" + builder.id() + ":unsuspend:1");

        HttpResponse<String> terminated = demo.send("POST", "/admin/services/" + builder.id() + "/terminate", null,
                DemoData.ADMIN_TOKEN);
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(303);
        assertThat(terminated.headers().firstValue("Location").orElse("")).endsWith("?done=terminated");
        assertThat(service(orderId).state()).as("staff terminate at once").isEqualTo(ServiceState.TERMINATED);
        assertThat(demo.send("GET", "/admin/services?state=TERMINATED", null, DemoData.ADMIN_TOKEN).body())
                .contains("id=\"service-" + builder.id() + "\"");
    }

    @DbTest
    void theProviderConfirmsThroughTheSignedCallbackAndTheJobTakesItFromThere(Database database) throws Exception {
        start(database, 1);
        provisioned("mail-basic", "mail-callback");
        String token = DemoData.RESELLER_TOKEN;
        demo.emptyCart(token);
        demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon", "product", "mail-basic",
                "domain", "kontor-demo.dk"), token);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "callback-" + OrderingHost.suffix());
        String orderId = demo.json(placed).get("id").asText();
        demo.host.orderFulfilment().paid(orderId);
        awaitAddonLine(orderId, LineState.PENDING);
        AddonService pending = service(orderId);

        String body = "{\"key\":\"svc:" + pending.id() + ":create:1\",\"status\":\"active\","
                + "\"reference\":\"acct-callback\",\"details\":{\"webmail\":\"https://webmail.example.net/cb\"}}";
        long now = demo.clock.instant().getEpochSecond();
        HttpResponse<String> forged = callback(body, "t=" + now + ",v1=" + hmac("0." + body));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        HttpResponse<String> confirmed = callback(body, "t=" + now + ",v1=" + hmac(now + "." + body));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        demo.clock.advance(Duration.ofMinutes(2));
        job().run(null);
        assertThat(demo.awaitFinal(token, orderId).get("state").asText()).isEqualTo("COMPLETED");
        AddonService active = service(orderId);
        assertThat(active.remoteReference()).isEqualTo("acct-callback");
        assertThat(active.details()).containsEntry("webmail", "https://webmail.example.net/cb");
        assertThat(endpoint.findAll(WireMock.getRequestedFor(WireMock.urlPathMatching("/hooks/operations/.*"))))
                .as("the confirmation answered; the endpoint was not asked").isEmpty();
    }

    private HttpResponse<String> callback(String body, String signature) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + demo.host.port() + "/hooks/" + PLUGIN + "/confirmations"))
                .header("Content-Type", "application/json").header("Kontor-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private boolean escalated(String invoiceId) {
        return demo.host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event_outbox "
                        + "WHERE event_type = 'DunningEscalated' AND payload LIKE :invoice")
                .bind("invoice", "%" + invoiceId + "%").mapTo(Long.class).one()) > 0;
    }

    private void awaitService(String serviceId, ServiceState state) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        ServiceState now;
        do {
            now = demo.host.serviceOperations().store().find(serviceId).orElseThrow().state();
            if (now == state) {
                return;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("service " + serviceId + " is " + now + ", not " + state);
    }

    /** An MT940 statement of the demo's account with one credit of the amount carrying the reference. */
    private static String statement(String entry, String reference, String amount) {
        String comma = new BigDecimal(amount).setScale(2).toPlainString().replace('.', ',');
        String closing = new BigDecimal("10000.00").add(new BigDecimal(amount)).setScale(2).toPlainString()
                .replace('.', ',');
        return "{1:F01DABADKKKAXXX0000000000}{2:O9400000000000DABADKKKXXXXN}{4:\n"
                + ":20:STMT" + entry + "\n"
                + ":25:DK5000400440116243\n"
                + ":28C:00001/1\n"
                + ":60F:C261123DKK10000,00\n"
                + ":61:2611231123C" + comma + "NTRFNONREF//DB" + entry + "\n"
                + ":86:INDBETALING " + reference + " DEMO HOSTING APS\n"
                + ":62F:C261123DKK" + closing + "\n"
                + "-}\n";
    }

    private HttpResponse<String> upload(String statement) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + demo.host.port()
                        + "/api/v1/p/payment-bank-transfer/admin/statements?name=statement.sta"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(statement)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void start(Database database, int retries) throws Exception {
        endpoint = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("provisioning"));
        endpoint.start();
        demo = OrderingHost.start(database, Map.of());
        assertThat(demo.host.plugins().activePluginIds()).contains(PLUGIN);
        HttpResponse<String> saved = demo.send("PUT", "/api/v1/plugins/" + PLUGIN + "/settings", Map.of(
                "base-url", "http://127.0.0.1:" + endpoint.port() + "/hooks", "signing-secret", SECRET,
                "timeout-ms", "3000", "retries", Integer.toString(retries), "retry-delay-ms", "1"), DemoData.ADMIN_TOKEN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(SECRET);
    }

    /** Names the webhook provisioner and a plan for a demo product, as the admin's products page does. */
    private void provisioned(String productId, String plan) {
        AddonProduct product = demo.host.addons().find(productId).orElseThrow();
        demo.host.addons().put(new AddonProduct(product.id(), product.kind(), product.name(), product.description(),
                product.perDomain(), true, product.position(), PLUGIN, plan), demo.host.addons().prices(productId));
    }

    private AddonProvisioningJob job() {
        return new AddonProvisioningJob(demo.host.serviceOperations(), demo.host.orderFulfilment()::refresh,
                Duration.ofMinutes(1));
    }

    private List<String> paymentMethods(String token) throws Exception {
        return demo.json(demo.send("GET", "/api/v1/cart/payment-methods", null, token)).get("paymentMethods")
                .findValuesAsText("id");
    }

    private List<LoggedRequest> creates() {
        return endpoint.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hooks/services/create")));
    }

    private AddonService service(String orderId) {
        return demo.host.serviceOperations().store().ofOrder(orderId).get(0);
    }

    private static void assertSigned(String header, String body) {
        Matcher signature = SIGNATURE.matcher(header);
        assertThat(signature.matches()).as(header).isTrue();
        assertThat(signature.group(2)).isEqualTo(hmac(signature.group(1) + "." + body));
    }

    /** The signature as the third party recomputes it: hex HMAC-SHA256 of "timestamp.body" with the shared secret. */
    private static String hmac(String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrderLine awaitAddonLine(String orderId, LineState state) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        OrderLine line;
        do {
            line = demo.host.orders().find(orderId).orElseThrow().lines().stream()
                    .filter(candidate -> candidate.kind() == ItemKind.ADDON).findFirst().orElseThrow();
            if (line.state() == state) {
                return line;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("the add-on line of " + orderId + " is " + line.state() + ", not " + state);
    }

    private LineState awaitDomainLineFinal(String orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        OrderLine line;
        do {
            line = demo.host.orders().find(orderId).orElseThrow().lines().stream()
                    .filter(candidate -> candidate.kind() != ItemKind.ADDON).findFirst().orElseThrow();
            if (line.state().isFinal()) {
                return line.state();
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(until));
        return line.state();
    }

    private Invoice awaitInvoice(String orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        do {
            var invoice = demo.host.billing().store().findByOrder(orderId, Series.INVOICE)
                    .filter(found -> found.state() == InvoiceState.PAID);
            if (invoice.isPresent()) {
                return invoice.get();
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("order " + orderId + " was not invoiced");
    }
}
