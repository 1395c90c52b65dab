package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.provisioning.OperationState;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Domain operations parked for review in the clearing center (ADM-9): listed with the registry's reason, rejected
 * only with a note (which is also kept on the customer), released only when they can be sent again, and support staff
 * cannot decide them on these pages. Sending one again to a real registry: {@code HeldDomainOperationRetryTest}.
 */
@DatabaseTest(migrateHost = true)
class HeldOperationsPagesTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private KontorHost host;
    private StaffAccounts accounts;

    @BeforeEach
    void start(Database database) throws Exception {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM domain_operation WHERE operation_key LIKE 'held-%'"));
        host = CustomerHost.start(database, clock, Map.of());
        accounts = new StaffAccounts(host);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aParkedOperationIsListedWithItsReasonAndRejectedOnlyWithANote(Database database) throws Exception {
        String customerId = accounts.account("kunde", null);
        String key = park(database, customerId, "held-renew-1", "DOMAIN_RENEW", 12500, "unpaid",
                "done at the registry but not paid: hold released");
        clock.advance(Duration.ofHours(3));
        String adminId = accounts.account("admin", Access.ADMIN);
        Browser admin = accounts.signedIn(adminId);

        HttpResponse<String> page = admin.page("/admin/clearing");
        assertThat(page.body()).contains("id=\"operation-" + key + "\"").contains("parkeret-" + key + ".dk")
                .contains("<strong>unpaid</strong> done at the registry but not paid: hold released")
                .contains("DKK").contains("125.00").contains("3 h").contains("Renewal")
                .as("the registry did it: it cannot be sent again").doesNotContain("/operations/" + key + "/release")
                .contains("/admin/clearing/operations/" + key + "/reject");
        String token = Browser.csrfToken(page);

        HttpResponse<String> retried = admin.form("/admin/clearing/operations/" + key + "/release", Map.of("_csrf", token));
        assertThat(retried.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/admin/clearing?operation=" + key + "&error=operation-not-retryable");
        HttpResponse<String> noNote = admin.form("/admin/clearing/operations/" + key + "/reject",
                Map.of("_csrf", token, "note", "  "));
        assertThat(noNote.headers().firstValue("Location").orElseThrow()).endsWith("error=operation-note-required");
        assertThat(state(key)).isEqualTo(OperationState.HELD_FOR_REVIEW);
        assertThat(admin.page(noNote.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"clearing-error\"").contains("Give a reason to reject operation " + key);

        HttpResponse<String> rejected = admin.form("/admin/clearing/operations/" + key + "/reject",
                Map.of("_csrf", token, "note", "renewed by hand at the registry, invoiced separately"));
        assertThat(rejected.headers().firstValue("Location").orElseThrow()).endsWith("done=operation-rejected");
        assertThat(state(key)).isEqualTo(OperationState.FAILED);
        assertThat(host.domainOperations().find(IdempotencyKey.of(key)).orElseThrow().outcomeMessage())
                .isEqualTo("rejected after review: renewed by hand at the registry, invoiced separately");
        assertThat(admin.page("/admin/clearing").body()).doesNotContain("id=\"operation-" + key + "\"")
                .contains("id=\"operations-empty\"");
        assertThat(admin.page("/admin/customers/" + customerId).body())
                .contains("rejected: renewed by hand at the registry, invoiced separately");
        assertThat(admin.form("/admin/clearing/operations/" + key + "/reject", Map.of("_csrf", token, "note", "again"))
                .statusCode()).as("decided already").isEqualTo(409);
        assertThat(admin.form("/admin/clearing/operations/held-none/reject", Map.of("_csrf", token, "note", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(accounts.audit(adminId)).containsExactly(
                "POST /admin/clearing/operations/" + key + "/release 303 ADMIN",
                "POST /admin/clearing/operations/" + key + "/reject 303 ADMIN",
                "POST /admin/clearing/operations/" + key + "/reject 303 ADMIN",
                "POST /admin/clearing/operations/" + key + "/reject 409 ADMIN",
                "POST /admin/clearing/operations/held-none/reject 404 ADMIN");
    }

    @DbTest
    void aReleaseWhileTheRegistryIsNotRunningLeavesTheOperationHeld(Database database) throws Exception {
        String customerId = accounts.account("kunde", null);
        String key = park(database, customerId, "held-restore-1", "DOMAIN_RESTORE", 0, "2104", "Billing failure");
        Browser admin = accounts.signedIn(accounts.account("admin", Access.ADMIN));
        HttpResponse<String> page = admin.page("/admin/clearing");
        assertThat(page.body()).contains("/admin/clearing/operations/" + key + "/release")
                .contains("<strong>2104</strong> Billing failure");

        HttpResponse<String> released = admin.form("/admin/clearing/operations/" + key + "/release",
                Map.of("_csrf", Browser.csrfToken(page), "note", "topped up"));

        assertThat(released.headers().firstValue("Location").orElseThrow()).endsWith("error=operation-failed");
        assertThat(state(key)).isEqualTo(OperationState.HELD_FOR_REVIEW);
    }

    @DbTest
    void supportStaffSeeParkedOperationsButCannotDecideThemHere(Database database) throws Exception {
        String key = park(database, accounts.account("kunde", null), "held-create-1", "DOMAIN_CREATE", 0, "2104",
                "Billing failure");
        String supportId = accounts.account("support", Access.SUPPORT);
        Browser support = accounts.signedIn(supportId);
        HttpResponse<String> page = support.page("/admin/clearing");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"operation-" + key + "\"");

        HttpResponse<String> refused = support.form("/admin/clearing/operations/" + key + "/reject",
                Map.of("_csrf", Browser.csrfToken(page), "note", "no"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(state(key)).isEqualTo(OperationState.HELD_FOR_REVIEW);
        assertThat(accounts.audit(supportId)).containsExactly("POST /admin/clearing/operations/" + key + "/reject 403 SUPPORT");
    }

    private String park(Database database, String customerId, String key, String kind, long amountMinor, String code,
                        String message) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO domain_operation (operation_key, customer_id, domain, kind, period, amount_minor, currency,
                            funding_source_id, registry_id, state, outcome_status, outcome_code, outcome_message,
                            created_at, updated_at)
                        VALUES (:key, :customer, :domain, :kind, '1y', :amount, 'DKK', 'order-payment', 'sandbox',
                            'HELD_FOR_REVIEW', 'ERROR', :code, :message, :at, :at)""")
                .bind("key", key).bind("customer", customerId).bind("domain", "parkeret-" + key + ".dk")
                .bind("kind", kind).bind("amount", amountMinor).bind("code", code).bind("message", message)
                .bind("at", clock.millis()).execute());
        return key;
    }

    private OperationState state(String key) {
        return host.domainOperations().find(IdempotencyKey.of(key)).orElseThrow().state();
    }
}
