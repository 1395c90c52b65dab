package org.kontor.plugins.prepaidaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The plugin's pages and JSON API in a real host, over HTTP with API tokens. */
@DatabaseTest
class PrepaidWebTest {

    private static final String API = "/api/v1/p/prepaid-account";

    /** The database is shared by the tests of this class; names carry this run's suffix. */
    private final String run = Long.toString(System.nanoTime(), 36);
    private PrepaidHost host;
    private String admin;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void anOperatorApprovesAnApplicationAndMarksATopUpPaid(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-a", Access.RESELLER);
        createScheme("czk", "3000");

        HttpResponse<String> applied = host.post(reseller, API + "/applications", "{\"scheme\":\"" + scheme("czk") + "\"}");
        assertThat(applied.statusCode()).isEqualTo(201);
        String accountId = host.json(applied).get("id").asText();
        assertThat(host.json(host.get(admin, API + "/admin/applications"))).extracting(n -> n.get("id").asText())
                .contains(accountId);
        assertProblem(host.post(reseller, API + "/account/top-ups", "{\"amount\":\"3000\"}"), 409, "not-active");

        HttpResponse<String> approved = host.post(admin, API + "/admin/applications/" + accountId + "/approve", "");
        assertThat(host.json(approved).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(host.json(host.get(admin, API + "/admin/applications"))).extracting(n -> n.get("id").asText())
                .doesNotContain(accountId);

        assertProblem(host.post(reseller, API + "/account/top-ups", "{\"amount\":\"2999.99\"}"), 422, "below-minimum");
        HttpResponse<String> requested = host.post(reseller, API + "/account/top-ups", "{\"amount\":\"3000\"}");
        assertThat(requested.statusCode()).isEqualTo(201);
        JsonNode topUp = host.json(requested);
        assertThat(topUp.get("state").asText()).isEqualTo("REQUESTED");

        String paidPath = API + "/admin/top-ups/" + topUp.get("id").asText() + "/paid";
        assertThat(host.post(admin, paidPath, "{\"externalReference\":\"BANK-1\"}").statusCode()).isEqualTo(200);
        assertThat(host.post(admin, paidPath, "{\"externalReference\":\"BANK-1\"}").statusCode()).isEqualTo(200);

        JsonNode account = host.json(host.get(reseller, API + "/account")).get("account");
        assertThat(account.at("/balance/amount").asText()).isEqualTo("3000.00");
        assertThat(account.at("/balance/currency").asText()).isEqualTo("CZK");
        assertThat(host.json(host.get(reseller, API + "/account/movements"))).hasSize(1);
        assertProblem(host.post(reseller, API + "/account/top-ups/" + topUp.get("id").asText() + "/cancel", ""), 409,
                "hold-settled");
    }

    @DbTest
    void aResellerSeesOnlyTheirOwnAccount(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String a = host.token(run + "-reseller-a", Access.RESELLER);
        String b = host.token(run + "-reseller-b", Access.RESELLER);
        String accountA = activeAccount(a, "czk", "3000");
        String topUpA = host.json(host.post(a, API + "/account/top-ups", "{\"amount\":\"3000\"}")).get("id").asText();

        assertProblem(host.get(b, API + "/account"), 404, "no-account");
        assertProblem(host.post(b, API + "/account/top-ups/" + topUpA + "/cancel", ""), 404, "no-account");
        assertThat(host.get(b, API + "/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(host.get(b, "/admin/p/prepaid-account/").statusCode()).isEqualTo(403);
        assertThat(host.get(null, API + "/account").statusCode()).isEqualTo(401);

        activeAccount(b, "czk", null);
        JsonNode own = host.json(host.get(b, API + "/account")).get("account");
        assertThat(own.get("id").asText()).isNotEqualTo(accountA);
        assertProblem(host.post(b, API + "/account/top-ups/" + topUpA + "/cancel", ""), 404, "no-account");
        assertThat(host.json(host.get(b, API + "/account/top-ups"))).isEmpty();
        assertThat(host.get(b, "/p/prepaid-account/").body()).doesNotContain(host.json(host.get(a, API + "/account"))
                .at("/account/paymentReference").asText());
    }

    @DbTest
    void movementsExportAsCsv(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-a", Access.RESELLER);
        String accountId = activeAccount(reseller, "czk", "3000");
        adjust(accountId, "1500.50", "Kompenzace za výpadek, \"DNS\"");
        adjust(accountId, "-200", "=HYPERLINK(\"x\")");

        HttpResponse<String> csv = host.get(reseller, "/p/prepaid-account/movements.csv?lang=cs");
        HttpResponse<String> charges = host.get(reseller, API + "/account/movements.csv?kind=TOP_UP");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"prepaid-account-[0-9]{10}\\.csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("\ufeffDatum,Druh,Částka,currency,Zůstatek po,Popis,id");
        assertThat(lines[1]).contains(",ADJUSTMENT,-200.00,CZK,1300.50,\"'=HYPERLINK(\"\"x\"\")\",")
                .doesNotContain(",=HYPERLINK");
        assertThat(lines[2]).contains(",ADJUSTMENT,1500.50,CZK,1500.50,\"Kompenzace za výpadek, \"\"DNS\"\"\",");
        assertThat(charges.body().split("\r\n")).as("only the header: no top-ups").hasSize(1);
    }

    @DbTest
    void pagesRenderInEachOfTheFiveLanguagesWithAmountsInThatLanguage(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-a", Access.RESELLER);
        String accountId = activeAccount(reseller, "czk", "3000");
        adjust(accountId, "12345.60", "opening balance");
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"Balance", "CZK\u00a012,345.60|CZK12,345.60|CZK 12,345.60", "Deposits", "Awaiting payment"},
                "da", new String[] {"Saldo", "12\\.345,60\\hCZK", "Indbetalinger", "Afventer betaling"},
                "de", new String[] {"Kontostand", "12\\.345,60\\hCZK", "Einzahlungen", "Zahlung ausstehend"},
                "cs", new String[] {"Zůstatek", "12\\h345,60\\hKč", "Zálohy", "Čeká na úhradu"},
                "sk", new String[] {"Zostatok", "12\\h345,60\\hCZK", "Zálohy", "Čaká na úhradu"});
        host.post(reseller, API + "/account/top-ups", "{\"amount\":\"3000\"}");

        for (var language : expected.entrySet()) {
            String lang = language.getKey();
            String[] labels = language.getValue();
            HttpResponse<String> overview = host.get(reseller, "/p/prepaid-account/?lang=" + lang);
            assertThat(overview.statusCode()).as(lang).isEqualTo(200);
            assertThat(overview.body()).as(lang).contains("<html lang=\"" + lang + "\"")
                    .contains("<dt>" + labels[0] + "</dt>").containsPattern(labels[1]);
            HttpResponse<String> deposits = host.get(reseller, "/p/prepaid-account/deposits?lang=" + lang);
            assertThat(deposits.body()).as(lang).contains("<h1>" + labels[2] + "</h1>").contains(labels[3]);
            for (String section : new String[] {"payments", "settings"}) {
                assertThat(host.get(reseller, "/p/prepaid-account/" + section + "?lang=" + lang).statusCode())
                        .as(lang + " " + section).isEqualTo(200);
            }
            HttpResponse<String> adminPage = host.get(admin, "/admin/p/prepaid-account/?lang=" + lang);
            assertThat(adminPage.statusCode()).as(lang + " admin").isEqualTo(200);
        }
        assertThat(host.get(admin, "/admin/p/prepaid-account/?lang=da").body()).contains("Forhandlerkonti");
        assertThat(host.get(admin, "/admin/p/prepaid-account/reconciliation?lang=de").body())
                .contains("Jeder Kontostand stimmt");
    }

    @DbTest
    void formsApplyApproveRequestAndSaveSettings(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-f", Access.RESELLER);
        HttpResponse<String> schemeForm = host.form(admin, "/admin/p/prepaid-account/schemes", Map.of("id", scheme("dkk"),
                "name", "Forhandlere DKK", "currency", "DKK", "minimumTopUp", "500,00", "creditLine", "0", "domainsOnly", "true"));
        assertThat(schemeForm.statusCode()).isEqualTo(303);

        assertThat(host.get(reseller, "/p/prepaid-account/").headers().firstValue("Location").orElseThrow())
                .isEqualTo("/p/prepaid-account/apply");
        assertThat(host.form(reseller, "/p/prepaid-account/apply", Map.of("scheme", scheme("dkk"))).statusCode()).isEqualTo(303);
        assertThat(host.get(reseller, "/p/prepaid-account/apply?lang=da").body()).contains("Din ansøgning venter");
        String accountId = host.json(host.get(reseller, API + "/account")).at("/account/id").asText();
        assertThat(host.json(host.get(reseller, API + "/account")).at("/account/state").asText()).isEqualTo("APPLIED");
        assertThat(host.get(admin, "/admin/p/prepaid-account/").body()).contains(run + "-reseller-f");

        assertThat(host.form(admin, "/admin/p/prepaid-account/applications/" + accountId + "/approve", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(host.form(reseller, "/p/prepaid-account/deposits", Map.of("amount", "750")).statusCode()).isEqualTo(303);
        assertThat(host.form(reseller, "/p/prepaid-account/deposits", Map.of("amount", "100")).statusCode()).isEqualTo(422);
        assertThat(host.form(reseller, "/p/prepaid-account/settings?lang=da", Map.of("notifyEmail", "drift@forhandler.dk",
                "lowBalanceThreshold", "200", "renewal", "auto")).statusCode()).isEqualTo(303);

        JsonNode settings = host.json(host.get(reseller, API + "/account/settings"));
        assertThat(settings.get("notifyEmail").asText()).isEqualTo("drift@forhandler.dk");
        assertThat(settings.at("/lowBalanceThreshold/amount").asText()).isEqualTo("200.00");
        assertThat(settings.get("autoRenew").asBoolean()).isTrue();
        assertThat(settings.get("upcomingNotices").asBoolean()).isFalse();
        assertThat(host.json(host.get(reseller, API + "/account/top-ups")).get(0).at("/net/amount").asText()).isEqualTo("750.00");
    }

    @DbTest
    void aRequestedTopUpLeadsToItsPaymentAndTheHostOffersAddFunds(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-p", Access.RESELLER);
        String other = host.token(run + "-reseller-q", Access.RESELLER);
        activeAccount(reseller, "czk", "3000");

        HttpResponse<String> requested = host.form(reseller, "/p/prepaid-account/deposits", Map.of("amount", "3000"));
        assertThat(requested.statusCode()).isEqualTo(303);
        String location = requested.headers().firstValue("Location").orElseThrow();
        String topUpId = host.json(host.get(reseller, API + "/account/top-ups")).get(0).get("id").asText();
        assertThat(location).isEqualTo("/p/prepaid-account/deposits?requested=" + topUpId);
        String deposits = host.get(reseller, location + "&lang=en").body();
        assertThat(deposits).contains("id=\"top-up-requested\"").contains("Pay now")
                .contains("href=\"/account/pay/top-up/" + topUpId + "\" data-pay-top-up=");
        assertThat(host.get(reseller, "/p/prepaid-account/deposits").body()).as("the notice only after the request")
                .doesNotContain("id=\"top-up-requested\"").contains("data-pay-top-up=\"" + topUpId + "\"");

        HttpResponse<String> pay = host.get(reseller, "/account/pay/top-up/" + topUpId + "?lang=en");
        assertThat(pay.statusCode()).isEqualTo(200);
        assertThat(pay.body()).contains("Pay your top-up").contains("id=\"pay-due\"").contains("3,000.00")
                .contains("href=\"/p/prepaid-account/deposits\" id=\"pay-back\"");
        assertThat(host.get(other, "/account/pay/top-up/" + topUpId).statusCode()).isEqualTo(404);

        String header = "id=\"nav-add-funds\"";
        assertThat(host.get(reseller, "/account?lang=en").body()).contains(header)
                .contains("id=\"account-add-funds\" href=\"/p/prepaid-account/deposits\"");
        assertThat(host.get(reseller, "/account/invoices").body()).contains("href=\"/p/prepaid-account/deposits\" " + header);
        assertThat(host.get(other, "/account").body()).as("no prepaid account, no Add funds").doesNotContain(header)
                .doesNotContain("account-add-funds");

        assertThat(host.post(reseller, API + "/account/top-ups/" + topUpId + "/cancel", "").statusCode()).isEqualTo(200);
        assertThat(host.get(reseller, "/p/prepaid-account/deposits").body()).doesNotContain("data-pay-top-up=");
        assertThat(host.get(reseller, "/account/pay/top-up/" + topUpId).statusCode()).as("withdrawn").isEqualTo(404);
    }

    @DbTest
    void refusalsAreProblemsWithTheirOwnStatus(Database database) throws Exception {
        host = PrepaidHost.start(database);
        admin = host.token("operator-1", Access.ADMIN);
        String reseller = host.token(run + "-reseller-a", Access.RESELLER);
        String accountId = activeAccount(reseller, "czk", "3000");

        HttpResponse<String> noReason = host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"100\",\"reason\":\" \"}");
        assertProblem(noReason, 422, "validation");
        assertThat(host.json(noReason).at("/errors/reason").asText()).isEqualTo("reason is required");
        assertThat(host.json(host.get(reseller, API + "/account")).at("/account/balance/amount").asText())
                .as("nothing moved").isEqualTo("0.00");

        assertProblem(host.post(admin, API + "/admin/accounts/nope/adjustments", "{\"amount\":\"1\",\"reason\":\"x\"}"),
                404, "no-account");
        assertProblem(host.post(admin, API + "/admin/schemes", "{\"id\":\"" + scheme("czk") + "\",\"name\":\"again\",\"currency\":\"CZK\","
                + "\"minimumTopUp\":\"1\"}"), 409, "already-exists");
        JsonNode entry = host.json(host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"100\",\"reason\":\"goodwill\",\"key\":\"k-1\"}"));
        assertProblem(host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"200\",\"reason\":\"goodwill\",\"key\":\"k-1\"}"), 409, "key-reused");
        JsonNode reversal = host.json(host.post(admin, API + "/admin/entries/" + entry.get("id").asText() + "/reversal",
                "{\"reason\":\"posted twice\"}"));
        assertThat(reversal.at("/amount/amount").asText()).isEqualTo("-100.00");
        assertProblem(host.post(admin, API + "/admin/entries/" + reversal.get("id").asText() + "/reversal",
                "{\"reason\":\"again\"}"), 422, "invalid");
        assertProblem(host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"1.005\",\"reason\":\"x\"}"), 422, "validation");

        JsonNode report = host.json(host.post(admin, API + "/admin/reconciliation", ""));
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("accounts").asInt()).isPositive();
    }

    private String scheme(String id) {
        return id + "-" + run;
    }

    private void createScheme(String id, String minimum) throws Exception {
        HttpResponse<String> created = host.post(admin, API + "/admin/schemes", "{\"id\":\"" + scheme(id)
                + "\",\"name\":\"Partners CZK\",\"currency\":\"CZK\",\"minimumTopUp\":\"" + minimum
                + "\",\"domainsOnly\":true,\"creditLine\":\"500\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** Applies and approves; creates the scheme when a minimum is given. */
    private String activeAccount(String reseller, String scheme, String minimum) throws Exception {
        if (minimum != null) {
            createScheme(scheme, minimum);
        }
        String id = host.json(host.post(reseller, API + "/applications", "{\"scheme\":\"" + scheme(scheme) + "\"}")).get("id").asText();
        assertThat(host.post(admin, API + "/admin/applications/" + id + "/approve", "").statusCode()).isEqualTo(200);
        return id;
    }

    private void adjust(String accountId, String amount, String reason) throws Exception {
        HttpResponse<String> adjusted = host.post(admin, API + "/admin/accounts/" + accountId + "/adjustments",
                "{\"amount\":\"" + amount + "\",\"reason\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(reason) + "}");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
    }

    private void assertProblem(HttpResponse<String> response, int status, String kind) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = host.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).endsWith("/" + kind);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
    }
}
