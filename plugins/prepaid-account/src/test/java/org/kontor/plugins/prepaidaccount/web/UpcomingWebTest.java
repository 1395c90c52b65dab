package org.kontor.plugins.prepaidaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The upcoming payments page and JSON API in a real host over HTTP (PA-11). The domains are the host's records;
 * no registry plugin runs here, so a renewal is refused as not payable (the paid renewal itself is proven in
 * {@code UpcomingRenewalTest} of the integration tests and {@code UpcomingPaymentsTest}).
 */
@DatabaseTest
class UpcomingWebTest {

    private static final String API = "/api/v1/p/prepaid-account";

    private final String run = Long.toString(System.nanoTime(), 36);
    private PrepaidHost host;
    private String admin;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private String activeAccount(String reseller) throws Exception {
        host.post(admin, API + "/admin/schemes", "{\"id\":\"dkk-" + run + "\",\"name\":\"Partners DKK\",\"currency\":\"DKK\","
                + "\"minimumTopUp\":\"100\",\"domainsOnly\":true,\"creditLine\":\"500\"}");
        String id = host.json(host.post(reseller, API + "/applications", "{\"scheme\":\"dkk-" + run + "\"}")).get("id").asText();
        assertThat(host.post(admin, API + "/admin/applications/" + id + "/approve", "").statusCode()).isEqualTo(200);
        return id;
    }

    /** A domain record of the host, as a completed create writes it. */
    private static void domain(Database db, String name, String customer, Instant expiresAt) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO domain (name, unicode_name, tld, registry_id, customer_id, state, "
                        + "created_at, expires_at, updated_at) VALUES (:name, :name, 'dk', 'sandbox', :customer, 'ACTIVE', 0, "
                        + ":expires, 0)")
                .bind("name", name).bind("customer", customer).bind("expires", expiresAt.toEpochMilli()).execute());
    }

    private static void renewalPrice(Database db) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO domain_price (tld, kind, currency, amount_minor, updated_at) "
                + "VALUES ('dk', 'DOMAIN_RENEW', 'DKK', 8900, 0) ON CONFLICT (tld, kind, currency) DO NOTHING"));
    }

    @DbTest
    void thePageListsTheResellersDomainsInEachLanguage(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subject = run + "-reseller-a";
        String reseller = host.token(subject, Access.RESELLER);
        activeAccount(reseller);
        renewalPrice(database);
        Instant soon = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.SECONDS);
        domain(database, "soon-" + run + ".dk", subject, soon);
        domain(database, "later-" + run + ".dk", subject, Instant.now().plus(Duration.ofDays(90)));
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"Upcoming payments", "It cannot be undone", "Renew now", "Terminate"},
                "da", new String[] {"Kommende betalinger", "Det kan ikke fortrydes", "Forny nu", "Opsig"},
                "de", new String[] {"Anstehende Zahlungen", "nicht rückgängig", "Jetzt verlängern", "Kündigen"},
                "cs", new String[] {"Nadcházející platby", "Nelze to vrátit zpět", "Prodloužit nyní", "Ukončit"},
                "sk", new String[] {"Nadchádzajúce platby", "Nedá sa to vrátiť späť", "Predĺžiť teraz", "Ukončiť"});

        for (var language : expected.entrySet()) {
            HttpResponse<String> page = host.get(reseller, "/p/prepaid-account/upcoming?lang=" + language.getKey());
            assertThat(page.statusCode()).as(language.getKey()).isEqualTo(200);
            assertThat(page.body()).as(language.getKey()).contains("<h1>" + language.getValue()[0] + "</h1>")
                    .contains(language.getValue()[1]).contains(language.getValue()[2]).contains(language.getValue()[3])
                    .contains("soon-" + run + ".dk").doesNotContain("later-" + run + ".dk")
                    .contains("name=\"key\"").contains("89");
        }

        JsonNode list = host.json(host.get(reseller, API + "/account/upcoming"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("domain").asText()).isEqualTo("soon-" + run + ".dk");
        assertThat(list.get(0).at("/price/amount").asText()).isEqualTo("89.00");
        assertThat(Instant.parse(list.get(0).get("expiresAt").asText())).isEqualTo(soon);
        Instant issued = Instant.parse(list.get(0).get("issuedAt").asText());
        assertThat(Instant.parse(list.get(0).get("dueAt").asText())).isEqualTo(issued.plus(Duration.ofDays(10)));
    }

    @DbTest
    void aResellerNeverReachesAnothersDomains(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subjectA = run + "-reseller-a";
        String a = host.token(subjectA, Access.RESELLER);
        String b = host.token(run + "-reseller-b", Access.RESELLER);
        activeAccount(a);
        activeAccount(b);
        renewalPrice(database);
        String annas = "annas-" + run + ".dk";
        domain(database, annas, subjectA, Instant.now().plus(Duration.ofDays(5)));

        assertThat(host.json(host.get(b, API + "/account/upcoming"))).isEmpty();
        assertThat(host.get(b, "/p/prepaid-account/upcoming").body()).doesNotContain(annas);
        HttpResponse<String> renew = host.post(b, API + "/account/upcoming/" + annas + "/renew", "{\"key\":\"k-1\"}");
        assertThat(renew.statusCode()).isEqualTo(404);
        assertThat(host.json(renew).get("type").asText()).endsWith("/no-domain");
        assertThat(host.post(b, API + "/account/upcoming/" + annas + "/terminate", "").statusCode()).isEqualTo(404);
        assertThat(host.form(b, "/p/prepaid-account/upcoming/terminate", Map.of("domain", annas)).statusCode()).isEqualTo(404);
        assertThat(host.form(b, "/p/prepaid-account/upcoming/renew", Map.of("domain", annas, "key", "k-2")).statusCode())
                .isEqualTo(404);
        String pageKey = java.util.UUID.randomUUID().toString(); // what the page's forms send
        assertThat(host.post(b, API + "/account/upcoming/" + annas + "/renew", "{\"key\":\"" + pageKey + "\"}")
                .statusCode()).isEqualTo(404);
        assertThat(host.form(b, "/p/prepaid-account/upcoming/renew", Map.of("domain", annas, "key", pageKey))
                .statusCode()).isEqualTo(404);
        assertThat(host.form(b, "/p/prepaid-account/upcoming/restore", Map.of("domain", annas, "key", pageKey))
                .statusCode()).isEqualTo(404);
        assertThat(host.get(null, API + "/account/upcoming").statusCode()).isEqualTo(401);
        assertThat(host.json(host.get(a, API + "/account/upcoming"))).hasSize(1);
    }

    @DbTest
    void terminateEndsTheDomainAndARenewalWithoutRegistryIsNotPayable(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subject = run + "-reseller-a";
        String reseller = host.token(subject, Access.RESELLER);
        activeAccount(reseller);
        renewalPrice(database);
        String kept = "kept-" + run + ".dk";
        String ended = "ended-" + run + ".dk";
        domain(database, kept, subject, Instant.now().plus(Duration.ofDays(5)));
        domain(database, ended, subject, Instant.now().plus(Duration.ofDays(6)));

        HttpResponse<String> terminated = host.form(reseller, "/p/prepaid-account/upcoming/terminate", Map.of("domain", ended));
        assertThat(terminated.statusCode()).isEqualTo(303);
        assertThat(terminated.headers().firstValue("Location").orElseThrow()).contains("result=terminated");
        assertThat(host.json(host.get(reseller, API + "/account/upcoming"))).extracting(n -> n.get("domain").asText())
                .containsExactly(kept);
        Long terminatedAt = database.jdbi().withHandle(h -> h.createQuery("SELECT terminated_at FROM domain WHERE name = :n")
                .bind("n", ended).mapTo(Long.class).one());
        assertThat(terminatedAt).isNotNull();

        HttpResponse<String> renew = host.post(reseller, API + "/account/upcoming/" + kept + "/renew", "{\"key\":\"k-1\"}");
        assertThat(renew.statusCode()).as(renew.body()).isEqualTo(422);
        assertThat(host.json(renew).get("type").asText()).endsWith("/not-payable");
        assertThat(host.json(renew).get("detail").asText()).contains("no running registry");
        assertThat(host.post(reseller, API + "/account/upcoming/" + kept + "/renew", "{}").statusCode()).isEqualTo(422);
    }
}
