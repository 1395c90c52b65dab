package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Browser;
import org.kontor.host.demo.DemoData;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The domains in the admin (ADM-3) on the demo host, whose registry is the real sandbox over EPP: searched, filtered
 * and paged; a domain's page with its customer and operations; a sync asks the registry and records its statuses and
 * expiry, and a registry that is down or gone changes nothing and says so. Disabling a TLD in the admin drops the
 * storefront's cached pages (ADM-4).
 */
@DatabaseTest(migrateHost = true)
class AdminDomainPagesTest {

    private static final String LOCKED = "locked-demo.example";

    private static Path data;
    private KontorHost host;
    private Browser staff;

    @BeforeEach
    void start(Database database) throws Exception {
        // one data directory, so one master key, for the hosts the tests start on the shared database: each can read
        // the plugin settings (secrets included) the one before saved
        if (data == null) {
            data = Files.createTempDirectory("kontor-admin-domains-test");
        }
        Path plugins = TestPlugins.deploy(Files.createTempDirectory(data, "plugins"), "epp-registry", "sandbox-registry");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        for (String plugin : new String[] {"epp-registry", "sandbox-registry"}) {
            // a plugin's state is kept in the database, which the tests share: one test disables both registry plugins
            if (!host.plugins().activePluginIds().contains(plugin)) {
                host.plugins().enable(plugin);
            }
        }
        new DemoData(host, port).load();
        staff = new Browser(host.port());
        String token = Browser.csrfToken(staff.page("/account/signin"));
        HttpResponse<String> signedIn = staff.form("/account/signin", Map.of("_csrf", token,
                "email", DemoData.ADMIN_EMAIL, "password", DemoData.ADMIN_PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void domainsAreSearchedFilteredAndPaged(Database database) throws Exception {
        Instant now = Instant.now();
        host.domainStore().jdbi().useTransaction(h -> {
            for (int i = 0; i < 55; i++) {
                host.domainStore().put(h, DomainName.of(String.format("paged-%02d.test", i)), "paging-customer", "sandbox",
                        State.ACTIVE, now, now.plus(Duration.ofDays(100)), null, "test");
            }
            host.domainStore().put(h, DomainName.of("elsewhere.test"), "paging-customer", "other-registry",
                    State.REDEMPTION, now, now, null, "test");
        });

        HttpResponse<String> first = staff.page("/admin/domains?q=paging-customer");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"domain-elsewhere.test\"").contains("id=\"domain-paged-00.test\"")
                .contains("id=\"domain-paged-48.test\"").doesNotContain("id=\"domain-paged-49.test\"").contains("56 domains, page 1 of 2")
                .contains("id=\"page-next\" href=\"/admin/domains?q=paging-customer&amp;state=&amp;registry=&amp;page=2\"")
                .contains("/admin/customers/paging-customer").contains("id=\"nav-domains\" href=\"/admin/domains\" aria-current=\"page\"");
        HttpResponse<String> second = staff.page("/admin/domains?q=paging-customer&page=2");
        assertThat(second.body()).contains("id=\"domain-paged-49.test\"").contains("id=\"domain-paged-54.test\"")
                .doesNotContain("id=\"domain-paged-00.test\"").contains("id=\"page-previous\"");

        assertThat(staff.page("/admin/domains?q=paged-07").body()).contains("id=\"domain-paged-07.test\"")
                .doesNotContain("id=\"domain-paged-08.test\"");
        assertThat(staff.page("/admin/domains?q=paging-customer&state=REDEMPTION").body())
                .contains("id=\"domain-elsewhere.test\"").doesNotContain("id=\"domain-paged-00.test\"");
        assertThat(staff.page("/admin/domains?registry=other-registry").body())
                .contains("id=\"domain-elsewhere.test\"").doesNotContain("id=\"domain-paged-00.test\"");
        assertThat(staff.page("/admin/domains?q=nothing-like-this").body()).contains("id=\"domains-none\"");
        String email = host.customers().find(DemoData.CUSTOMER_ID).orElseThrow().email();
        host.domainStore().jdbi().useTransaction(h -> host.domainStore().put(h, DomainName.of("by-email.test"),
                DemoData.CUSTOMER_ID, "sandbox", State.ACTIVE, now, now, null, "test"));
        assertThat(staff.page("/admin/domains?q=" + email.toUpperCase(java.util.Locale.ROOT)).body())
                .as("found by the customer's e-mail address").contains("id=\"domain-by-email.test\"")
                .doesNotContain("id=\"domain-paged-00.test\"");
    }

    @DbTest
    void aSyncAsksTheRegistryAndAFailingRegistryChangesNothing(Database database) throws Exception {
        DomainName locked = DomainName.of(LOCKED);
        host.domainStore().jdbi().useTransaction(h -> host.domainStore().put(h, locked, DemoData.CUSTOMER_ID,
                DemoData.SANDBOX_REGISTRY_ID, State.ACTIVE, null, null, null, "test"));
        database.jdbi().useHandle(h -> h.execute("UPDATE domain SET last_synced_at = NULL WHERE name = ?", LOCKED));
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO domain_operation (operation_key, customer_id, domain, kind, period, amount_minor, currency,
                            funding_source_id, registry_id, state, outcome_status, outcome_code, outcome_message,
                            created_at, updated_at)
                        VALUES ('op-admin-1', :customer, :domain, 'DOMAIN_RENEW', '1y', 8900, 'DKK', 'order', 'sandbox',
                            'FAILED', 'ERROR', '2303', 'Object does not exist', 1, 1)""")
                .bind("customer", DemoData.CUSTOMER_ID).bind("domain", LOCKED).execute());

        HttpResponse<String> page = staff.page("/admin/domains/" + LOCKED);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"domain-customer\" href=\"/admin/customers/" + DemoData.CUSTOMER_ID + "\"")
                .contains("data-key=\"op-admin-1\"").contains("DOMAIN_RENEW").contains("FAILED").contains("2303")
                .contains("Object does not exist").contains("DKK");
        String token = Browser.csrfToken(page);

        HttpResponse<String> synced = staff.form("/admin/domains/" + LOCKED + "/sync", Map.of("_csrf", token));
        assertThat(synced.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/domains/" + LOCKED + "?done=synced");
        DomainRecord after = host.domainStore().find(locked).orElseThrow();
        assertThat(after.statuses()).contains("serverTransferProhibited");
        assertThat(after.expiresAt()).as("the registry's expiry").isNotNull();
        assertThat(after.lastSyncedAt()).isNotNull();
        assertThat(staff.page("/admin/domains/" + LOCKED + "?done=synced").body()).contains("id=\"domain-done\"")
                .contains("serverTransferProhibited");

        database.jdbi().useHandle(h -> h.execute("UPDATE domain SET registry_statuses = 'ok', last_synced_at = 5 WHERE name = ?",
                LOCKED));
        DomainRecord before = host.domainStore().find(locked).orElseThrow();
        host.plugins().disable("sandbox-registry");
        HttpResponse<String> down = staff.form("/admin/domains/" + LOCKED + "/sync", Map.of("_csrf", token));
        assertThat(down.headers().firstValue("Location").orElseThrow()).endsWith("?error=registry-failed");
        assertThat(staff.page("/admin/domains/" + LOCKED + "?error=registry-failed").body())
                .contains("id=\"domain-error\"").contains("could not be reached");
        assertThat(host.domainStore().find(locked).orElseThrow()).isEqualTo(before);

        host.plugins().disable("epp-registry");
        HttpResponse<String> gone = staff.form("/admin/domains/" + LOCKED + "/sync", Map.of("_csrf", token));
        assertThat(gone.headers().firstValue("Location").orElseThrow()).endsWith("?error=no-registry");
        assertThat(host.domainStore().find(locked).orElseThrow()).isEqualTo(before);
        assertThat(staff.page("/admin/domains/no-such-domain.test").statusCode()).isEqualTo(404);
        int audited = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM staff_audit WHERE actor = :actor AND path = :path")
                .bind("actor", DemoData.ADMIN_ID).bind("path", "/admin/domains/" + LOCKED + "/sync")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(3);
    }

    @DbTest
    void disablingATldInTheAdminDropsTheCachedStorefrontPages(Database database) throws Exception {
        Browser visitor = new Browser(host.port());
        assertThat(visitor.page("/").body()).contains("<span class=\"price-tld\">.test</span>");
        assertThat(new Browser(host.port()).page("/").body()).as("served from the cache")
                .contains("<span class=\"price-tld\">.test</span>");
        String token = Browser.csrfToken(staff.page("/admin/tlds"));

        HttpResponse<String> disabled = staff.form("/admin/tlds/test/disable", Map.of("_csrf", token));
        assertThat(disabled.statusCode()).isEqualTo(303);

        assertThat(new Browser(host.port()).page("/").body()).doesNotContain("<span class=\"price-tld\">.test</span>");
    }
}
