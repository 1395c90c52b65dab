package org.kontor.plugins.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.database.Database;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.matching.Payments;
import org.kontor.plugins.banktransfer.reference.PaymentReference;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestPluginContext;

@DatabaseTest(plugins = Fixtures.PLUGIN_ID)
class BankTransferGatewayTest {

    private TestPluginContext context;
    private BankTransferGateway gateway;
    private Payments payments;

    @BeforeEach
    void setUp(Database database) {
        context = Fixtures.context(database, Fixtures.settings());
        gateway = new BankTransferGateway(context);
        payments = new Payments(database.jdbi(), context.clock());
    }

    @DbTest
    void danishPaymentsQuoteAPlus71Line(Database database) {
        assertThat(gateway.gatewayId()).isEqualTo("bank-transfer");
        assertThat(gateway.methods()).containsExactly(PaymentMethodType.BANK_TRANSFER);
        Outcome<PaymentTransaction> outcome = Fixtures.purchase(gateway, "2026-0001", "480.00", "DKK", "12345", "c-1");

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(outcome.message()).contains("480.00 DKK", "DK5000400440116243", "+71<000000000123455+81234567<");
        Payment payment = payments.byId(outcome.reference()).orElseThrow();
        assertThat(payment.reference().scheme()).isEqualTo(PaymentReference.Scheme.FIK);
        Instructions instructions = new InstructionsFactory(context.settings()).of(payment);
        assertThat(instructions.qrPayload()).as("no QR standard for DKK").isNull();
        assertThat(outcome.value().gatewayReference()).isEqualTo(payment.id());
    }

    @DbTest
    void czechPaymentsQuoteAVariableSymbolAndCarrySpayd(Database database) {
        Outcome<PaymentTransaction> outcome = Fixtures.purchase(gateway, "FV2026-000123", "3630.00", "CZK", "2026000123", "c-2");
        Payment payment = payments.byId(outcome.reference()).orElseThrow();
        Instructions instructions = new InstructionsFactory(context.settings()).of(payment);
        assertThat(instructions.reference().display()).isEqualTo("2026000123");
        assertThat(instructions.qrPayload())
                .isEqualTo("SPD*1.0*ACC:DK5000400440116243+DABADKKK*AM:3630.00*CC:CZK*X-VS:2026000123*X-KS:0308");
        assertThat(outcome.message()).contains("variable symbol 2026000123, constant symbol 0308");
    }

    @DbTest
    void euroPaymentsQuoteAnRfReferenceInTheEpcCode(Database database) {
        Outcome<PaymentTransaction> outcome = Fixtures.purchase(gateway, "R-539007547034", "99.00", "EUR", "539007547034", "c-3");
        Payment payment = payments.byId(outcome.reference()).orElseThrow();
        Instructions instructions = new InstructionsFactory(context.settings()).of(payment);
        assertThat(instructions.reference().key()).isEqualTo("RF18539007547034");
        assertThat(instructions.qrPayload()).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "DABADKKK",
                "Kontor Hosting ApS", "DK5000400440116243", "EUR99.00", "", "RF18539007547034", ""));
    }

    @DbTest
    void aPaymentWithoutNumberIsNumberedByItsSequence(Database database) {
        Outcome<PaymentTransaction> outcome = Fixtures.purchase(gateway, "top-up-x", "50.00", "EUR", null, "c-4");
        Payment payment = payments.byId(outcome.reference()).orElseThrow();
        assertThat(payment.reference().key()).isEqualTo(org.kontor.plugins.banktransfer.reference.RfReference.of(payment.seq()).value());
    }

    @DbTest
    void theSameKeyTwiceIsOnePayment(Database database) {
        IdempotencyKey key = Fixtures.key("twice");
        PaymentRequest request = new PaymentRequest(key, Money.of("10.00", "DKK"), PaymentMethodType.BANK_TRANSFER, "x", null,
                "c-5", null, null, Map.of(BankTransferGateway.REFERENCE_NUMBER, "9001"));
        Outcome<PaymentTransaction> first = gateway.purchase(request);
        Outcome<PaymentTransaction> second = gateway.purchase(request);
        assertThat(second.reference()).isEqualTo(first.reference());
        Outcome<PaymentTransaction> other = gateway.purchase(new PaymentRequest(key, Money.of("11.00", "DKK"),
                PaymentMethodType.BANK_TRANSFER, "x", null, "c-5", null, null, Map.of()));
        assertThat(other.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(gateway.status(key).status()).isEqualTo(OutcomeStatus.PENDING);
    }

    @DbTest
    void concurrentPurchasesGetTheirOwnNumbers(Database database) throws Exception {
        IdempotencyKey shared = Fixtures.key("shared");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Outcome<PaymentTransaction>>> distinct = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<Outcome<PaymentTransaction>>> same = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                distinct.add(pool.submit(() -> Fixtures.purchase(gateway, "parallel-" + n, "10.00", "EUR", null, "c")));
                same.add(pool.submit(() -> gateway.purchase(new PaymentRequest(shared, Money.of("20.00", "EUR"),
                        PaymentMethodType.BANK_TRANSFER, "same", null, "c", null, null, Map.of()))));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var future : distinct) {
                Outcome<PaymentTransaction> outcome = future.get();
                assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
                ids.add(outcome.reference());
            }
            assertThat(ids).hasSize(8);
            java.util.Set<String> sameIds = new java.util.HashSet<>();
            for (var future : same) {
                sameIds.add(future.get().reference());
            }
            assertThat(sameIds).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @DbTest
    void refusesWhatItDoesNotOffer(Database database) {
        assertThat(gateway.supports(Currency.getInstance("DKK"))).isTrue();
        assertThat(gateway.supports(Currency.getInstance("SEK"))).isFalse();
        assertThat(Fixtures.purchase(gateway, "sek", "10.00", "SEK", null, "c").status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(gateway.purchase(PaymentRequest.of(Fixtures.key("card"), Money.of("10.00", "DKK"), PaymentMethodType.CARD,
                "x", null, "c")).code()).isEqualTo("method");
        Outcome<PaymentTransaction> refund = gateway.refund(new RefundRequest(Fixtures.key("refund"), "BT-000001",
                Money.of("1.00", "DKK"), "customer asked"));
        assertThat(refund.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refund.message()).isEqualTo("refund by bank transfer is done by the operator");
        assertThat(gateway.status(Fixtures.key("never")).status()).isEqualTo(OutcomeStatus.CANCELED);
        BankTransferGateway unconfigured = new BankTransferGateway(Fixtures.context(database, Map.of()));
        assertThat(unconfigured.supports(Currency.getInstance("DKK"))).as("no IBAN, no transfers").isFalse();
    }

    @DbTest
    void settingsTestChecksTheAccount(Database database) {
        BankTransferSettings schema = new BankTransferSettings();
        assertThat(schema.testConnection(context.settings()).succeeded()).isTrue();
        Map<String, String> wrong = Fixtures.settings();
        wrong.put(BankTransferSettings.IBAN, "DK5000400440116244");
        wrong.put(BankTransferSettings.FI_CREDITOR, "1234");
        var result = schema.testConnection(Fixtures.context(database, wrong).settings());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("IBAN is not valid", "FI creditor number has 8 digits");
    }
}
