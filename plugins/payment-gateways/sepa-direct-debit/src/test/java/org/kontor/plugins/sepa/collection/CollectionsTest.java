package org.kontor.plugins.sepa.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.SepaFixture;
import org.kontor.plugins.sepa.SepaGateway;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.kontor.plugins.sepa.mandate.MandateState;
import org.kontor.plugins.sepa.mandate.NewMandate;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.plugins.sepa.mandate.SequenceType;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

@DatabaseTest(plugins = "payment-sepa")
class CollectionsTest {

    private static PaymentRequest request(String key, String amount, String currency, String customer) {
        return PaymentRequest.of(IdempotencyKey.of(key), Money.of(amount, currency), PaymentMethodType.SEPA_DIRECT_DEBIT,
                "INV-2026-0042", "Webhosting 2027", customer);
    }

    private static String key() {
        return "invoice:" + java.util.UUID.randomUUID();
    }

    @DbTest
    void aMandateIsCheckedFieldByField(Database db) {
        SepaFixture f = new SepaFixture(db);
        assertThatThrownBy(() -> f.sepa.mandates().create(SepaFixture.customer(), new NewMandate("BAD REF", " ",
                "DE89370400440532013001", "DEUTDEF", LocalDate.of(2027, 1, 1), null, true, null, "de")))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("reference", "debtorName", "iban", "bic", "signedOn", "scheme")
                        .containsEntry("iban", "iban has wrong check digits"));

        Mandate mandate = f.sepa.mandates().create(SepaFixture.customer(), new NewMandate(SepaFixture.reference(),
                "Eva Nováková", "cz65 0800 0000 1920 0014 5399", null, LocalDate.of(2026, 10, 1), Scheme.B2B, true,
                null, "xx"));
        assertThat(mandate.iban()).isEqualTo("CZ6508000000192000145399");
        assertThat(mandate.bic()).isNull();
        assertThat(mandate.language()).as("an unknown language is dropped").isNull();
        assertThat(mandate.maskedIban()).isEqualTo("CZ65****************5399");

        assertThatThrownBy(() -> f.sepa.mandates().create(SepaFixture.customer(), new NewMandate(mandate.reference(),
                "Other", "DE89370400440532013000", null, LocalDate.of(2026, 10, 1), Scheme.CORE, true, null, null)))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.reason()).isEqualTo(SepaException.Reason.CONFLICT));
    }

    @DbTest
    void theFirstCollectionIsFrstThenRcurAndAReturnedFirstMakesTheNextFrstAgain(Database db) {
        SepaFixture f = new SepaFixture(db);
        String customer = SepaFixture.customer();
        f.mandate(customer, true, "de");
        SepaGateway gateway = new SepaGateway(f.context);

        Outcome<PaymentTransaction> first = gateway.purchase(request(key(), "119.00", "EUR", customer));
        Outcome<PaymentTransaction> second = gateway.purchase(request(key(), "59.50", "EUR", customer));

        assertThat(first.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(sequence(f, first)).isEqualTo(SequenceType.FRST);
        assertThat(sequence(f, second)).isEqualTo(SequenceType.RCUR);
        Collection c = f.sepa.collections().list(null, 100).stream()
                .filter(x -> x.endToEndId().equals(first.reference())).findFirst().orElseThrow();
        // Tuesday 24 November 2026 + 14 days.
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(c.amount()).isEqualTo(Money.of("119.00", "EUR"));

        String other = SepaFixture.customer();
        f.mandate(other, true, "en");
        Outcome<PaymentTransaction> frst = gateway.purchase(request(key(), "10.00", "EUR", other));
        db.jdbi().useHandle(h -> h.execute("UPDATE payment_sepa_collection SET state = 'RETURNED' WHERE end_to_end_id = ?",
                frst.reference()));
        assertThat(sequence(f, gateway.purchase(request(key(), "10.00", "EUR", other)))).isEqualTo(SequenceType.FRST);
    }

    @DbTest
    void aFinalCollectionEndsTheMandateAndAOneOffMandateCollectsOnce(Database db) {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        Mandate recurring = f.mandate(customer, true, "en");
        gateway.purchase(request(key(), "5.00", "EUR", customer));
        PaymentRequest last = new PaymentRequest(IdempotencyKey.of(key()), Money.of("5.00", "EUR"),
                PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-9", null, customer, null, null,
                Map.of(SepaGateway.SEQUENCE_METADATA, "FNAL"));
        assertThat(sequence(f, gateway.purchase(last))).isEqualTo(SequenceType.FNAL);
        assertThat(f.sepa.mandates().find(recurring.id()).orElseThrow().state()).isEqualTo(MandateState.REVOKED);
        assertThat(gateway.purchase(request(key(), "5.00", "EUR", customer)).code()).isEqualTo("no-mandate");

        String oneOff = SepaFixture.customer();
        f.mandate(oneOff, false, "en");
        assertThat(sequence(f, gateway.purchase(request(key(), "7.00", "EUR", oneOff)))).isEqualTo(SequenceType.OOFF);
        Outcome<PaymentTransaction> again = gateway.purchase(request(key(), "7.00", "EUR", oneOff));
        assertThat(again.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(again.code()).isEqualTo("no-mandate");
    }

    @DbTest
    void theSameKeyRecordsOneCollectionEvenWhenCalledAtOnce(Database db) throws Exception {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        f.mandate(customer, true, "en");
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Outcome<PaymentTransaction>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> gateway.purchase(request(key, "42.00", "EUR", customer)));
            }
            List<String> references = new ArrayList<>();
            for (Future<Outcome<PaymentTransaction>> outcome : pool.invokeAll(calls)) {
                assertThat(outcome.get().status()).isEqualTo(OutcomeStatus.PENDING);
                references.add(outcome.get().reference());
            }
            assertThat(references).containsOnly(EndToEndIds.of(IdempotencyKey.of(key)));
        } finally {
            pool.shutdownNow();
        }
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_sepa_collection "
                + "WHERE customer_id = :c").bind("c", customer).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(f.mailer.sent()).as("one pre-notification").hasSize(1);
        assertThat(EndToEndIds.of(IdempotencyKey.of(key))).hasSize(35).matches("SDD[0-9A-F]{32}");
    }

    @DbTest
    void onlyEurAndOnlyWithAnActiveMandate(Database db) {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        assertThat(gateway.supports(java.util.Currency.getInstance("DKK"))).isFalse();
        assertThat(gateway.purchase(request(key(), "10.00", "EUR", customer)).code()).isEqualTo("no-mandate");
        Mandate mandate = f.mandate(customer, true, "en");
        assertThat(gateway.purchase(request(key(), "10.00", "DKK", customer)).code()).isEqualTo("currency");
        f.sepa.mandates().revoke(mandate.id(), "admin-1", "closed");
        assertThat(gateway.purchase(request(key(), "10.00", "EUR", customer)).code()).isEqualTo("no-mandate");
        assertThatThrownBy(() -> f.sepa.mandates().revoke(mandate.id(), "admin-1", "again"))
                .isInstanceOf(SepaException.class);
        assertThat(gateway.status(IdempotencyKey.of(key())).status()).isEqualTo(OutcomeStatus.CANCELED);
    }

    @DbTest
    void thePreNotificationIsInTheDebtorsLanguage(Database db) {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        Mandate mandate = f.mandate(customer, true, "de");
        Outcome<PaymentTransaction> outcome = gateway.purchase(request(key(), "1234.50", "EUR", customer));

        MailMessage mail = f.mailer.sent().get(f.mailer.sent().size() - 1);
        assertThat(mail.to()).containsExactly("debtor@example.de");
        assertThat(mail.subject()).isEqualTo("Lastschrift über 1234,50 EUR am 08.12.2026");
        assertThat(mail.textBody()).contains("Guten Tag Jürgen Müller", "1234,50 EUR", "08.12.2026",
                "Mandatsreferenz: " + mandate.reference(), "Gläubiger-Identifikationsnummer: " + SepaFixture.CREDITOR_ID,
                "DE02**************2051", outcome.reference());
        assertThat(f.sepa.collections().byKey(IdempotencyKey.of(
                f.sepa.collections().list(null, 500).stream().filter(c -> c.endToEndId().equals(outcome.reference()))
                        .findFirst().orElseThrow().idempotencyKey())).orElseThrow().collection().prenotifiedAt())
                .isNotNull();
    }

    private static SequenceType sequence(SepaFixture f, Outcome<PaymentTransaction> outcome) {
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(OutcomeStatus.PENDING);
        return f.sepa.collections().list(null, 500).stream().filter(c -> c.endToEndId().equals(outcome.reference()))
                .findFirst().orElseThrow().sequenceType();
    }
}
