package org.kontor.host.addons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.DunningEscalated;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.provisioning.ProvisionedService;
import org.kontor.api.provisioning.Provisioner;
import org.kontor.api.provisioning.ServiceOwner;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Add-on service operations (ADD-2) on the real database with a scripted provisioner: intent, call, outcome; the same
 * key sent again after UNDEFINED with backoff; PENDING asked about later; refusals and the attempts limit; dunning
 * suspension and unsuspension on payment; cancellation at the end of the paid period; change of plan; services set
 * up by hand.
 */
@DatabaseTest(migrateHost = true)
class ServiceOperationsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final TestClock clock = TestClock.at(Instant.parse("2034-03-01T10:00:00Z"));
    private final ScriptedProvisioner provisioner = new ScriptedProvisioner();
    private final FakeExtensions extensions = new FakeExtensions();
    private AddonCatalog catalog;
    private ServiceOperations operations;
    private AddonServiceStore store;

    @BeforeEach
    void setUp(Database database) {
        extensions.add("scripted-plugin", Provisioner.class, provisioner);
        catalog = new AddonCatalog(database.jdbi(), clock);
        catalog.put(new AddonProduct("mail-5", ChargeKind.EMAIL, "Mail 5", "", true, true, 1, ScriptedProvisioner.ID,
                "plan-mail-5"), Map.of(EUR, new AddonPrice(Money.of("3.00", "EUR"), 1)));
        catalog.put(new AddonProduct("mail-25", ChargeKind.EMAIL, "Mail 25", "", true, true, 2, ScriptedProvisioner.ID,
                "plan-mail-25"), Map.of(EUR, new AddonPrice(Money.of("9.00", "EUR"), 1)));
        catalog.put(new AddonProduct("web-10", ChargeKind.HOSTING, "Web 10", "", true, true, 3, ScriptedProvisioner.ID,
                "plan-web-10"), Map.of(EUR, new AddonPrice(Money.of("6.00", "EUR"), 1)));
        catalog.put(new AddonProduct("builder-manual", ChargeKind.SITE_BUILDER, "Builder", "", false, true, 4),
                Map.of(EUR, new AddonPrice(Money.of("5.00", "EUR"), 12)));
        store = new AddonServiceStore(database.jdbi(), clock);
        operations = new ServiceOperations(store, catalog, new Provisioners(extensions),
                id -> Optional.of(new ServiceOwner(id, "Ida Jensen", "ida@example.dk", "da")), clock);
    }

    @DbTest
    void aConfirmedCreateActivatesTheServiceWithTheThirdPartysReferenceAndDetails() {
        provisioner.then(Outcome.processed(new ProvisionedService("acct-1", Map.of("webmail", "https://mail.example")),
                "acct-1"));
        AddonService booked = book("c-1", "mail-5", "order-1");
        ServiceOperation done = operations.run(ServiceOperations.createKey(booked.id()));

        assertThat(done.state()).isEqualTo(ServiceOperation.State.COMPLETED);
        assertThat(done.key().value()).isEqualTo("svc:" + booked.id() + ":create:1");
        AddonService service = store.find(booked.id()).orElseThrow();
        assertThat(service.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(service.remoteReference()).isEqualTo("acct-1");
        assertThat(service.details()).containsEntry("webmail", "https://mail.example");
        assertThat(provisioner.creates).singleElement().satisfies(create -> {
            assertThat(create.plan()).isEqualTo("plan-mail-5");
            assertThat(create.domain().ascii()).isEqualTo("example.dk");
            assertThat(create.periodMonths()).isEqualTo(1);
            assertThat(create.owner().email()).isEqualTo("ida@example.dk");
        });
    }

    @DbTest
    void anUndefinedCreateIsSentAgainWithTheSameKeyAfterTheBackoff() {
        provisioner.then(Outcome.undefined("time-out")).then(Outcome.undefined("time-out"))
                .then(Outcome.processed(new ProvisionedService("acct-2", Map.of()), "acct-2"));
        AddonService booked = book("c-1", "web-10", "order-2");
        IdempotencyKey key = ServiceOperations.createKey(booked.id());

        ServiceOperation first = operations.run(key);
        assertThat(first.state()).isEqualTo(ServiceOperation.State.OPEN);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.outcomeStatus()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(store.find(booked.id()).orElseThrow().state()).isEqualTo(ServiceState.PENDING);

        assertThat(store.due(clock.instant(), 10)).isEmpty();
        operations.run(key); // not due: nothing is sent
        assertThat(provisioner.calls).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(operations.run(key).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.due(clock.instant(), 10)).containsExactly(key);
        ServiceOperation done = operations.run(key);

        assertThat(done.state()).isEqualTo(ServiceOperation.State.COMPLETED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(provisioner.calls).containsExactly("create " + key.value(), "create " + key.value(),
                "create " + key.value());
        assertThat(store.find(booked.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
    }

    @DbTest
    void aPendingCreateIsAskedAboutLaterAndAnUnknownOneSentAgain() {
        provisioner.then(Outcome.pending(null, "job-1", "queued")).then(Outcome.pending(null, null, "still queued"))
                .then(Outcome.canceled("unknown")).then(Outcome.processed(new ProvisionedService("acct-3", Map.of()), null));
        AddonService booked = book("c-1", "mail-5", "order-3");
        IdempotencyKey key = ServiceOperations.createKey(booked.id());

        assertThat(operations.run(key).state()).isEqualTo(ServiceOperation.State.PENDING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(operations.run(key).state()).isEqualTo(ServiceOperation.State.PENDING);
        clock.advance(Duration.ofMinutes(5));
        assertThat(operations.run(key).state()).isEqualTo(ServiceOperation.State.OPEN);
        clock.advance(Duration.ofMinutes(30));
        assertThat(operations.run(key).state()).isEqualTo(ServiceOperation.State.COMPLETED);

        assertThat(provisioner.calls).containsExactly("create " + key.value(), "status " + key.value(),
                "status " + key.value(), "create " + key.value());
        AddonService service = store.find(booked.id()).orElseThrow();
        assertThat(service.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(service.remoteReference()).isEqualTo("acct-3");
    }

    @DbTest
    void aRefusedCreateFailsTheServiceWithTheProvisionersMessage() {
        provisioner.then(Outcome.error("plan-unknown", "There is no plan."));
        AddonService booked = book("c-1", "mail-5", "order-4");
        ServiceOperation done = operations.run(ServiceOperations.createKey(booked.id()));

        assertThat(done.state()).isEqualTo(ServiceOperation.State.FAILED);
        assertThat(done.outcomeCode()).isEqualTo("plan-unknown");
        AddonService service = store.find(booked.id()).orElseThrow();
        assertThat(service.state()).isEqualTo(ServiceState.FAILED);
        assertThat(service.note()).isEqualTo("There is no plan.");
        assertThatThrownBy(() -> operations.retry(done.key())).isInstanceOf(IllegalStateException.class);
    }

    @DbTest
    void aCreateWithoutAnswerFailsAfterTheLastAttemptWithANoteForStaff() {
        AddonService booked = book("c-1", "mail-5", "order-5");
        IdempotencyKey key = ServiceOperations.createKey(booked.id());
        for (int i = 0; i < ServiceOperations.MAX_ATTEMPTS; i++) {
            provisioner.then(Outcome.undefined("time-out"));
        }
        ServiceOperation last = null;
        for (int i = 0; i < ServiceOperations.MAX_ATTEMPTS; i++) {
            last = operations.run(key);
            clock.advance(Duration.ofHours(6));
        }

        assertThat(last.state()).isEqualTo(ServiceOperation.State.FAILED);
        assertThat(last.attempts()).isEqualTo(ServiceOperations.MAX_ATTEMPTS);
        assertThat(last.outcomeMessage()).contains("no answer after 6 attempts").contains("staff");
        assertThat(store.find(booked.id()).orElseThrow().state()).isEqualTo(ServiceState.FAILED);
        assertThat(provisioner.calls).hasSize(ServiceOperations.MAX_ATTEMPTS).allMatch(call -> call.endsWith(key.value()));
    }

    @DbTest
    void dunningSuspendsTheCustomersActiveServicesAndPayingTheInvoiceStartsThemAgain() throws Exception {
        AddonService mail = active("c-7", "mail-5", "order-6");
        AddonService web = active("c-7", "web-10", "order-7");
        AddonService manual = active("c-7", "builder-manual", "order-8");
        AddonService others = active("c-8", "mail-5", "order-9");
        operations.suspend(web.id(), "staff");
        provisioner.calls.clear();

        DunningSuspensions dunning = new DunningSuspensions(operations);
        DunningEscalated escalated = new DunningEscalated("c-7", "inv-1", "2034-0001", "SECOND_DUNNING",
                Money.of("12.00", "EUR"));
        dunning.on(escalated, null);
        dunning.on(escalated, null); // a repeated event changes nothing

        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.SUSPENDED);
        assertThat(store.find(mail.id()).orElseThrow().suspendedFor()).isEqualTo("dunning:inv-1");
        assertThat(store.find(manual.id()).orElseThrow().state()).isEqualTo(ServiceState.SUSPENDED);
        assertThat(store.find(web.id()).orElseThrow().suspendedFor()).isEqualTo("staff");
        assertThat(store.find(others.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(provisioner.calls).containsExactly("suspend:dunning svc:" + mail.id() + ":suspend:1");

        Set<String> settled = new java.util.HashSet<>();
        java.util.List<String> escalatedUnpaid = new java.util.ArrayList<>(java.util.List.of("inv-1", "inv-2"));
        PaidUnsuspensions paid = new PaidUnsuspensions(operations, settled::contains, customerId ->
                customerId.equals("c-7") ? escalatedUnpaid : java.util.List.of());
        PaymentSucceeded payment = new PaymentSucceeded("pay-1", "c-7", "inv-1", Money.of("12.00", "EUR"), "stripe");
        paid.on(payment, null);
        assertThat(store.find(mail.id()).orElseThrow().state()).as("partly paid").isEqualTo(ServiceState.SUSPENDED);
        settled.add("inv-1");
        escalatedUnpaid.remove("inv-1");
        paid.on(new PaymentSucceeded("pay-2", "c-7", "inv-other", Money.of("1.00", "EUR"), "stripe"), null);
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.SUSPENDED);
        paid.on(payment, null);
        assertThat(store.find(mail.id()).orElseThrow().state()).as("another escalated invoice is unpaid")
                .isEqualTo(ServiceState.SUSPENDED);
        assertThat(store.find(mail.id()).orElseThrow().suspendedFor()).isEqualTo("dunning:inv-2");
        escalatedUnpaid.remove("inv-2");
        settled.add("inv-2");
        paid.on(new PaymentSucceeded("pay-3", "c-7", "inv-2", Money.of("5.00", "EUR"), "stripe"), null);

        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(store.find(mail.id()).orElseThrow().suspendedFor()).isNull();
        assertThat(store.find(manual.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(store.find(web.id()).orElseThrow().state()).as("suspended by staff").isEqualTo(ServiceState.SUSPENDED);
        assertThat(provisioner.calls).containsExactly("suspend:dunning svc:" + mail.id() + ":suspend:1",
                "unsuspend:paid svc:" + mail.id() + ":unsuspend:1");
    }

    @DbTest
    void dunningWaitsForAChangeOfPlanUnderWayAndAPaymentForASuspensionUnderWay() {
        AddonService mail = active("c-20", "mail-5", "order-20");
        provisioner.then(Outcome.undefined("time-out"));
        operations.changePlan(mail.id(), "mail-25"); // no answer: the change stays open
        DunningSuspensions dunning = new DunningSuspensions(operations);
        DunningEscalated escalated = new DunningEscalated("c-20", "inv-20", "2034-0020", "SECOND_DUNNING",
                Money.of("9.00", "EUR"));

        assertThatThrownBy(() -> dunning.on(escalated, null)).as("delivered again later")
                .isInstanceOf(ServiceBusyException.class);
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);

        clock.advance(Duration.ofMinutes(1));
        provisioner.then(Outcome.processed(null, null));
        operations.run(ServiceOperation.keyOf(mail.id(), ServiceAct.CHANGE_PLAN, 1));
        provisioner.then(Outcome.undefined("time-out")); // the suspension gets no answer at first
        dunning.on(escalated, null);
        assertThat(operations.openOperationsOf(mail.id())).singleElement()
                .satisfies(open -> assertThat(open.action()).isEqualTo(ServiceAct.SUSPEND));
        dunning.on(escalated, null); // delivered again: the suspension under way is not asked for twice

        // Paid while the suspension is still under way: the service is started again once it went through.
        PaidUnsuspensions paid = new PaidUnsuspensions(operations, "inv-20"::equals, customerId -> java.util.List.of());
        PaymentSucceeded payment = new PaymentSucceeded("pay-20", "c-20", "inv-20", Money.of("9.00", "EUR"), "stripe");
        assertThatThrownBy(() -> paid.on(payment, null)).isInstanceOf(ServiceBusyException.class);
        clock.advance(Duration.ofMinutes(1));
        provisioner.then(Outcome.processed(null, null));
        operations.run(ServiceOperation.keyOf(mail.id(), ServiceAct.SUSPEND, 1));
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.SUSPENDED);
        paid.on(payment, null);

        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(provisioner.calls).filteredOn(call -> call.startsWith("suspend")).hasSize(2)
                .allMatch(call -> call.endsWith(":suspend:1"));
    }

    @DbTest
    void theEscalatedInvoicesAreThoseAtTheLastLevelStillUnpaid(Database database) {
        database.jdbi().useHandle(h -> {
            for (String[] row : new String[][] {{"i-open", "ISSUED", "SECOND_DUNNING"}, {"i-part", "PARTIALLY_PAID",
                    "SECOND_DUNNING"}, {"i-paid", "PAID", "SECOND_DUNNING"}, {"i-first", "ISSUED", "FIRST_DUNNING"}}) {
                h.execute("INSERT INTO invoice (id, series, state, customer_id, language, currency, created_at) "
                        + "VALUES (?, 'INVOICE', ?, 'c-9', 'en', 'EUR', 0)", row[0], row[1]);
                h.execute("INSERT INTO dunning_level (invoice_id, level, customer_id, run_id, currency, "
                        + "outstanding_minor, fee_minor, interest_minor, interest_rate, interest_from, interest_to, "
                        + "sent_on, created_at) VALUES (?, ?, 'c-9', 'run-1', 'EUR', 100, 0, 0, '0', '2034-01-01', "
                        + "'2034-01-01', '2034-02-01', 0)", row[0], row[2]);
            }
        });
        assertThat(new org.kontor.host.billing.dunning.EscalatedInvoices(database.jdbi()).unpaid("c-9"))
                .containsExactly("i-open", "i-part");
    }

    @DbTest
    void aCancelledServiceIsTerminatedAtTheEndOfItsPaidPeriod() {
        AddonService mail = active("c-1", "mail-5", "order-10");
        provisioner.calls.clear();
        AddonService cancelled = operations.cancelAtPeriodEnd(mail.id());
        assertThat(cancelled.cancelAt()).isEqualTo(mail.renewsAt());
        assertThat(operations.cancelAtPeriodEnd(mail.id()).cancelAt()).isEqualTo(mail.renewsAt());

        clock.set(mail.renewsAt().minusSeconds(60));
        assertThat(operations.terminateDueCancellations()).isZero();
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);

        clock.set(mail.renewsAt());
        assertThat(operations.terminateDueCancellations()).isEqualTo(1);
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.TERMINATED);
        assertThat(provisioner.calls).containsExactly("terminate:cancelled svc:" + mail.id() + ":terminate:1");
        assertThatThrownBy(() -> operations.cancelAtPeriodEnd(mail.id())).isInstanceOf(IllegalStateException.class);
    }

    @DbTest
    void aServiceMovesToAnotherPlanOfTheSameKindAndProvisionerOnly() {
        AddonService mail = active("c-1", "mail-5", "order-11");
        assertThat(operations.planTargets(mail)).extracting(AddonProduct::id).containsExactly("mail-25");
        assertThatThrownBy(() -> operations.changePlan(mail.id(), "web-10")).isInstanceOf(IllegalArgumentException.class);

        AddonService moved = operations.changePlan(mail.id(), "mail-25");

        assertThat(moved.productId()).isEqualTo("mail-25");
        assertThat(moved.plan()).isEqualTo("plan-mail-25");
        assertThat(provisioner.planChanges).singleElement().satisfies(change -> {
            assertThat(change.fromPlan()).isEqualTo("plan-mail-5");
            assertThat(change.toPlan()).isEqualTo("plan-mail-25");
            assertThat(change.remoteReference()).isEqualTo("acct-" + mail.orderId());
        });
    }

    @DbTest
    void aRefusedSuspensionLeavesTheServiceActiveAndStaffCanMakeItAgainUnderANewKey() {
        AddonService mail = active("c-1", "mail-5", "order-12");
        provisioner.then(Outcome.error("locked", "The account is locked."));
        AddonService after = operations.suspend(mail.id(), "staff");
        assertThat(after.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(after.note()).contains("The account is locked.");

        ServiceOperation again = operations.retry(ServiceOperation.keyOf(mail.id(), ServiceAct.SUSPEND, 1));
        assertThat(again.key().value()).isEqualTo("svc:" + mail.id() + ":suspend:2");
        assertThat(again.state()).isEqualTo(ServiceOperation.State.COMPLETED);
        assertThat(store.find(mail.id()).orElseThrow().state()).isEqualTo(ServiceState.SUSPENDED);
    }

    @DbTest
    void aStoppedProvisionerLeavesTheCreateOpenForLater() {
        extensions.clear();
        AddonService booked = book("c-1", "mail-5", "order-13");
        ServiceOperation first = operations.run(ServiceOperations.createKey(booked.id()));
        assertThat(first.state()).isEqualTo(ServiceOperation.State.OPEN);
        assertThat(first.outcomeMessage()).contains("not running");
    }

    private AddonService book(String customerId, String productId, String orderId) {
        AddonProduct product = catalog.find(productId).orElseThrow();
        return store.jdbi().inTransaction(h -> operations.book(h, customerId, product, "example.dk", orderId, 1, 1));
    }

    private AddonService active(String customerId, String productId, String orderId) {
        AddonProduct product = catalog.find(productId).orElseThrow();
        if (!product.provisioned()) {
            store.jdbi().useHandle(h -> catalog.activate(h, customerId, productId, null, orderId, 1, 12));
            return store.byLine(orderId, 1).orElseThrow();
        }
        provisioner.then(Outcome.processed(new ProvisionedService("acct-" + orderId, Map.of()), null));
        AddonService booked = book(customerId, productId, orderId);
        operations.run(ServiceOperations.createKey(booked.id()));
        return store.find(booked.id()).orElseThrow();
    }
}
