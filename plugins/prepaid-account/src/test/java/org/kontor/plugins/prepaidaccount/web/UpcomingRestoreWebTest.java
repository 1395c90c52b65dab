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
 * The Restore section of the upcoming payments page and {@code account/restorable} in JSON (PA-6), in a real host
 * over HTTP. No registry plugin runs here: a covered restore is refused as not payable, and a restore the available
 * balance does not cover is refused before that with the missing amount (the paid restore itself is proven in
 * {@code UpcomingRestoreTest} of the integration tests and {@code HostPortfolioRestoreTest}).
 */
@DatabaseTest
class UpcomingRestoreWebTest {

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

    /** An active DKK account with a credit line of 500 DKK and nothing on it. */
    private String activeAccount(String reseller) throws Exception {
        host.post(admin, API + "/admin/schemes", "{\"id\":\"dkk-" + run + "\",\"name\":\"Partners DKK\",\"currency\":\"DKK\","
                + "\"minimumTopUp\":\"100\",\"domainsOnly\":true,\"creditLine\":\"500\"}");
        String id = host.json(host.post(reseller, API + "/applications", "{\"scheme\":\"dkk-" + run + "\"}")).get("id").asText();
        assertThat(host.post(admin, API + "/admin/applications/" + id + "/approve", "").statusCode()).isEqualTo(200);
        return id;
    }

    private void deposit(String accountId, String amount) throws Exception {
        assertThat(host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"" + amount + "\",\"reason\":\"Opening balance\"}").statusCode()).isBetween(200, 201);
    }

    /** A domain record of the host in {@code state}, restorable until {@code restoreUntil} (or not known: null). */
    private static void domain(Database db, String name, String customer, String state, Instant restoreUntil) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO domain (name, unicode_name, tld, registry_id, customer_id, state, "
                        + "created_at, expires_at, restore_until, updated_at) VALUES (:name, :name, 'dk', 'sandbox', :customer, "
                        + ":state, 0, :expires, :until, 0)")
                .bind("name", name).bind("customer", customer).bind("state", state)
                .bind("expires", Instant.now().minus(Duration.ofDays(20)).toEpochMilli())
                .bind("until", restoreUntil == null ? null : restoreUntil.toEpochMilli()).execute());
    }

    private static void restorePrice(Database db) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO domain_price (tld, kind, currency, amount_minor, updated_at) "
                + "VALUES ('dk', 'DOMAIN_RESTORE', 'DKK', 25000, 0) ON CONFLICT (tld, kind, currency) DO NOTHING"));
    }

    @DbTest
    void thePageOffersTheRestoreAtItsPriceInEachLanguage(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subject = run + "-reseller-a";
        String reseller = host.token(subject, Access.RESELLER);
        activeAccount(reseller);
        restorePrice(database);
        Instant until = Instant.now().plus(Duration.ofDays(25)).truncatedTo(ChronoUnit.SECONDS);
        String lapsed = "lapsed-" + run + ".dk";
        domain(database, lapsed, subject, "REDEMPTION", until);
        domain(database, "alive-" + run + ".dk", subject, "ACTIVE", null);
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"Restore deleted domains", "charged to your prepaid account", "Restore price", ">Restore<"},
                "da", new String[] {"Genopret slettede domæner", "trækkes fra din forudbetalte konto", "Pris for genoprettelse",
                        ">Genopret<"},
                "de", new String[] {"Gelöschte Domains wiederherstellen", "von Ihrem Guthabenkonto abgebucht",
                        "Preis der Wiederherstellung", ">Wiederherstellen<"},
                "cs", new String[] {"Obnovení smazaných domén", "hradí se z vašeho zálohového účtu", "Cena obnovení", ">Obnovit<"},
                "sk", new String[] {"Obnovenie zmazaných domén", "hradí sa z vášho zálohového účtu", "Cena obnovenia",
                        ">Obnoviť<"});

        for (var language : expected.entrySet()) {
            HttpResponse<String> page = host.get(reseller, "/p/prepaid-account/upcoming?lang=" + language.getKey());
            assertThat(page.statusCode()).as(language.getKey()).isEqualTo(200);
            String body = page.body();
            String section = body.substring(body.indexOf("<section class=\"restore\""));
            assertThat(section).as(language.getKey()).contains("<h2>" + language.getValue()[0] + "</h2>")
                    .contains(language.getValue()[1]).contains(language.getValue()[2]).contains(language.getValue()[3])
                    .contains(lapsed).doesNotContain("alive-" + run + ".dk")
                    .contains("action=\"/p/prepaid-account/upcoming/restore\"").contains("name=\"key\"").contains("250");
        }

        JsonNode list = host.json(host.get(reseller, API + "/account/restorable"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("domain").asText()).isEqualTo(lapsed);
        assertThat(list.get(0).get("state").asText()).isEqualTo("REDEMPTION");
        assertThat(list.get(0).at("/price/amount").asText()).isEqualTo("250.00");
        assertThat(Instant.parse(list.get(0).get("restoreBy").asText())).isEqualTo(until);
    }

    @DbTest
    void aRestoreTheAvailableBalanceDoesNotCoverSaysWhatIsMissing(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subject = run + "-reseller-a";
        String reseller = host.token(subject, Access.RESELLER);
        String account = activeAccount(reseller);
        deposit(account, "100");
        restorePrice(database);
        String lapsed = "short-" + run + ".dk";
        domain(database, lapsed, subject, "REDEMPTION", null);

        HttpResponse<String> json = host.post(reseller, API + "/account/restorable/" + lapsed + "/restore", "{\"key\":\"k-1\"}");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(402);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(host.json(json).get("type").asText()).endsWith("insufficient-funds");
        assertThat(host.json(json).at("/missing/amount").asText()).as("the credit line does not count").isEqualTo("150.00");
        assertThat(host.json(json).at("/missing/currency").asText()).isEqualTo("DKK");

        Map<String, String> missing = Map.of("en", "needs DKK150.00 more", "da", "kræver 150,00", "de", "fehlen 150,00",
                "cs", "chybí na vašem účtu 150,00", "sk", "chýba na vašom účte 150,00");
        for (var language : missing.entrySet()) {
            HttpResponse<String> page = host.form(reseller, "/p/prepaid-account/upcoming/restore?lang=" + language.getKey(),
                    Map.of("domain", lapsed, "key", "form-" + language.getKey()));
            assertThat(page.statusCode()).as(language.getKey()).isEqualTo(402);
            assertThat(page.body()).as(language.getKey()).contains("role=\"alert\"").contains(language.getValue());
        }
        JsonNode balance = host.json(host.get(reseller, API + "/account")).get("account");
        assertThat(balance.at("/balance/amount").asText()).as("nothing charged").isEqualTo("100.00");
        assertThat(balance.at("/held/amount").asText()).as("nothing held").isEqualTo("0.00");
        String state = database.jdbi().withHandle(h -> h.createQuery("SELECT state FROM domain WHERE name = :n")
                .bind("n", lapsed).mapTo(String.class).one());
        assertThat(state).isEqualTo("REDEMPTION");
    }

    @DbTest
    void aResellerRestoresOnlyTheirOwnDomainsInRedemption(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String subjectA = run + "-reseller-a";
        String a = host.token(subjectA, Access.RESELLER);
        String b = host.token(run + "-reseller-b", Access.RESELLER);
        deposit(activeAccount(a), "1000");
        deposit(activeAccount(b), "1000");
        restorePrice(database);
        String annas = "annas-" + run + ".dk";
        String alive = "alive-" + run + ".dk";
        domain(database, annas, subjectA, "REDEMPTION", null);
        domain(database, alive, subjectA, "ACTIVE", null);

        assertThat(host.json(host.get(b, API + "/account/restorable"))).isEmpty();
        assertThat(host.get(b, "/p/prepaid-account/upcoming").body()).doesNotContain(annas);
        HttpResponse<String> other = host.post(b, API + "/account/restorable/" + annas + "/restore", "{\"key\":\"k-1\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(host.json(other).get("type").asText()).endsWith("/no-domain");
        assertThat(host.form(b, "/p/prepaid-account/upcoming/restore", Map.of("domain", annas, "key", "k-2")).statusCode())
                .isEqualTo(404);
        HttpResponse<String> active = host.post(a, API + "/account/restorable/" + alive + "/restore", "{\"key\":\"k-3\"}");
        assertThat(active.statusCode()).isEqualTo(404);
        assertThat(host.json(active).get("detail").asText()).contains("not in redemption");
        assertThat(host.post(a, API + "/account/restorable/" + annas + "/restore", "{}").statusCode()).isEqualTo(422);
        assertThat(host.get(null, API + "/account/restorable").statusCode()).isEqualTo(401);

        HttpResponse<String> noRegistry = host.post(a, API + "/account/restorable/" + annas + "/restore", "{\"key\":\"k-4\"}");
        assertThat(noRegistry.statusCode()).as(noRegistry.body()).isEqualTo(422);
        assertThat(host.json(noRegistry).get("type").asText()).endsWith("/not-payable");
        assertThat(host.json(noRegistry).get("detail").asText()).contains("no running registry");
    }
}
