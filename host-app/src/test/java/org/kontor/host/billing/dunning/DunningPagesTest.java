package org.kontor.host.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.admin.StaffAccounts;
import org.kontor.host.billing.Invoice;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The dunning page (ADM-8): a preview shows the letter an overdue invoice would get and records nothing; a run sends
 * it, and the page lists the run with its letters and fees; support staff read it and start nothing.
 */
@DatabaseTest(migrateHost = true)
class DunningPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.at(Instant.parse("2027-03-08T09:00:00Z"));
    private KontorHost host;
    private StaffAccounts accounts;
    private Dunnings d;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        accounts = new StaffAccounts(host);
        d = new Dunnings(database, clock);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aPreviewRecordsNothingAndARunSendsTheLetterAndIsListed(Database database) throws Exception {
        String customerId = "dunpage-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        d.customer(customerId, "en");
        Invoice invoice = d.invoice(customerId, "1000.00", "DKK", LocalDate.of(2027, 3, 1));
        String adminId = accounts.account("admin", Access.ADMIN);
        Browser admin = accounts.signedIn(adminId);
        HttpResponse<String> page = admin.page("/admin/dunning");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = Browser.csrfToken(page);
        int levelsBefore = levels(database, invoice.id());

        HttpResponse<String> preview = admin.form("/admin/dunning/runs", Map.of("_csrf", token, "dryRun", "true"));
        assertThat(preview.statusCode()).isEqualTo(303);
        String previewPage = awaitDone(admin, preview.headers().firstValue("Location").orElseThrow());
        assertThat(previewPage).contains("Preview as of 2027-03-08").contains("data-invoice=\"" + invoice.id() + "\"")
                .contains(invoice.number()).contains("Letter sent").contains("Reminder");
        assertThat(levels(database, invoice.id())).as("a preview records nothing").isEqualTo(levelsBefore);

        HttpResponse<String> run = admin.form("/admin/dunning/runs", Map.of("_csrf", token, "dryRun", "false"));
        String location = run.headers().firstValue("Location").orElseThrow();
        String runId = location.substring(location.indexOf("run=") + 4);
        String runPage = awaitDone(admin, location);
        assertThat(runPage).contains("Run as of 2027-03-08").contains("data-invoice=\"" + invoice.id() + "\"")
                .contains("id=\"run-" + runId + "\"").contains("id=\"dunning-done\"");
        assertThat(levels(database, invoice.id())).isEqualTo(levelsBefore + 1);
        assertThat(admin.page("/admin/dunning").body()).contains("id=\"run-" + runId + "\"")
                .contains("/admin/dunning?run=" + runId);

        HttpResponse<String> neither = admin.form("/admin/dunning/runs", Map.of("_csrf", token));
        assertThat(neither.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/dunning?error=dry-run");
        assertThat(admin.page("/admin/dunning?run=no-such-run").body()).contains("id=\"dunning-unknown\"");
        assertThat(accounts.audit(adminId)).containsExactly("POST /admin/dunning/runs 303 ADMIN",
                "POST /admin/dunning/runs 303 ADMIN", "POST /admin/dunning/runs 303 ADMIN");
    }

    @DbTest
    void supportStaffReadRunsButStartNone(Database database) throws Exception {
        String supportId = accounts.account("support", Access.SUPPORT);
        Browser support = accounts.signedIn(supportId);
        HttpResponse<String> page = support.page("/admin/dunning");
        assertThat(page.statusCode()).isEqualTo(200);
        int runs = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dunning_run").mapTo(Integer.class).one());

        HttpResponse<String> refused = support.form("/admin/dunning/runs",
                Map.of("_csrf", Browser.csrfToken(page), "dryRun", "false"));

        assertThat(refused.statusCode()).isEqualTo(403);
        int after = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dunning_run").mapTo(Integer.class).one());
        assertThat(after).isEqualTo(runs);
        assertThat(accounts.audit(supportId)).containsExactly("POST /admin/dunning/runs 403 SUPPORT");
    }

    private static String awaitDone(Browser browser, String location) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            String body = browser.page(location).body();
            if (!body.contains("id=\"run-state\">Running") || System.currentTimeMillis() > until) {
                assertThat(body).contains("id=\"run-state\">Done");
                return body;
            }
            Thread.sleep(50);
        }
    }

    private static int levels(Database database, String invoiceId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dunning_level WHERE invoice_id = :id")
                .bind("id", invoiceId).mapTo(Integer.class).one());
    }
}
