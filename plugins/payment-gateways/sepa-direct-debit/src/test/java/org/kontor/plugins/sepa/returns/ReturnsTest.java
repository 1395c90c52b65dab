package org.kontor.plugins.sepa.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.database.Database;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.SepaFixture;
import org.kontor.plugins.sepa.SepaGateway;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

@DatabaseTest(plugins = "payment-sepa")
class ReturnsTest {

    private record Submitted(IdempotencyKey key, String endToEndId) {
    }

    private static Submitted submitted(SepaFixture f, SepaGateway gateway, String amount) {
        String customer = SepaFixture.customer();
        f.mandate(customer, true, "en");
        IdempotencyKey key = IdempotencyKey.of("inv:" + UUID.randomUUID());
        Outcome<PaymentTransaction> outcome = gateway.purchase(PaymentRequest.of(key, Money.of(amount, "EUR"),
                PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-1", null, customer));
        f.sepa.files().produce("admin-1").orElseThrow();
        return new Submitted(key, outcome.reference());
    }

    @DbTest
    void aReturnReversesThePaymentOnce(Database db) {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        Submitted returned = submitted(f, gateway, "49.90");

        Returns.Imported first = f.sepa.returns().apply(List.of(new ReturnNotice(returned.endToEndId(), "AM04"),
                new ReturnNotice("SDD-UNKNOWN", "MS02")), "admin-1");
        Returns.Imported again = f.sepa.returns().apply(List.of(new ReturnNotice(returned.endToEndId(), "MD06")),
                "admin-1");

        assertThat(first.notifications()).containsExactly(PaymentNotification.reversal(
                Returns.notificationId(returned.endToEndId()), returned.endToEndId(), Money.of("49.90", "EUR"), "AM04"));
        assertThat(first.skipped()).containsExactly(Map.entry("SDD-UNKNOWN", "unknown end-to-end id"));
        assertThat(again.notifications()).isEmpty();
        assertThat(f.events.published()).filteredOn(CollectionReturned.class::isInstance)
                .map(CollectionReturned.class::cast)
                .filteredOn(e -> e.gatewayReference().equals(returned.endToEndId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.reasonCode()).isEqualTo("AM04");
                    assertThat(e.gatewayId()).isEqualTo("sepa-direct-debit");
                    assertThat(e.amount()).isEqualTo(Money.of("49.90", "EUR"));
                    assertThat(e.notificationId()).isEqualTo(Returns.notificationId(returned.endToEndId()));
                });
        assertThat(again.skipped()).containsExactly(Map.entry(returned.endToEndId(), "already returned"));
        Outcome<PaymentTransaction> status = gateway.status(returned.key());
        assertThat(status.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(status.code()).as("the first reason stays").isEqualTo("AM04");
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_sepa_return r "
                + "JOIN payment_sepa_collection c ON c.id = r.collection_id WHERE c.end_to_end_id = :e")
                .bind("e", returned.endToEndId()).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(f.sepa.returns().all(500)).extracting(PaymentNotification::gatewayReference)
                .containsOnlyOnce(returned.endToEndId());
    }

    @DbTest
    void aCollectionNotYetSubmittedCannotBeReturnedAndCodesAreChecked(Database db) {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        f.mandate(customer, true, "en");
        Outcome<PaymentTransaction> pending = gateway.purchase(PaymentRequest.of(IdempotencyKey.of("inv:" + UUID.randomUUID()),
                Money.of("5.00", "EUR"), PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-2", null, customer));

        assertThat(f.sepa.returns().apply(List.of(new ReturnNotice(pending.reference(), "AC04")), "admin-1").skipped())
                .containsExactly(Map.entry(pending.reference(), "not yet submitted"));
        assertThatThrownBy(() -> f.sepa.returns().apply(List.of(new ReturnNotice(pending.reference(), "insufficient")),
                "admin-1")).isInstanceOfSatisfying(SepaException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("returns[0].reasonCode"));
    }

    @DbTest
    void signedReturnNoticesReachTheHostAsNotificationsOnce(Database db) throws Exception {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        Submitted returned = submitted(f, gateway, "12.34");
        byte[] body = ("{\"returns\":[{\"endToEndId\":\"" + returned.endToEndId() + "\",\"reasonCode\":\"MD06\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> gateway.handleWebhook(webhook(body, "sha256=" + "0".repeat(64))))
                .isInstanceOf(WebhookRejectedException.class);
        assertThat(gateway.status(returned.key()).status()).as("a forged notice changes nothing")
                .isEqualTo(OutcomeStatus.PENDING);

        String signature = "sha256=" + hmac("return-secret", body);
        List<PaymentNotification> first = gateway.handleWebhook(webhook(body, signature));
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.isReversal()).isTrue();
            assertThat(n.reason()).isEqualTo("MD06");
            assertThat(n.gatewayReference()).isEqualTo(returned.endToEndId());
            assertThat(n.amount()).isEqualTo(Money.of("12.34", "EUR"));
        });
        assertThat(gateway.handleWebhook(webhook(body, signature)))
                .as("redelivered or processed again: the same notification, which the host applies once")
                .isEqualTo(first);
        assertThat(f.events.published()).filteredOn(CollectionReturned.class::isInstance)
                .map(CollectionReturned.class::cast)
                .filteredOn(e -> e.gatewayReference().equals(returned.endToEndId())).as("returned once").hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void rejectedTransactionsAreReadFromAPain002Report() {
        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>R1</MsgId><CreDtTm>2026-12-09T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>SDD1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>SDD1-1</OrgnlPmtInfId>
                      <TxInfAndSts>
                        <OrgnlEndToEndId>SDDAAA</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Orgtr><Id><OrgId><AnyBIC>BYLADEM1001</AnyBIC></OrgId></Id></Orgtr><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf>
                      </TxInfAndSts>
                      <TxInfAndSts>
                        <OrgnlEndToEndId>SDDBBB</OrgnlEndToEndId><TxSts>ACSC</TxSts>
                      </TxInfAndSts>
                      <TxInfAndSts>
                        <OrgnlEndToEndId>SDDCCC</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>
                      </TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.strip();
        assertThat(Pain002Returns.read(report.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new ReturnNotice("SDDAAA", "AC04"), new ReturnNotice("SDDCCC", "AM04"));
        assertThatThrownBy(() -> Pain002Returns.read("<Document>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SepaException.class);
    }

    private static WebhookRequest webhook(byte[] body, String signature) {
        return new WebhookRequest(Map.of("X-Kontor-Signature", List.of(signature)), body, "127.0.0.1");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
