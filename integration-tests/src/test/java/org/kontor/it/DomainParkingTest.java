package org.kontor.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.host.domains.management.DomainChange;
import org.kontor.it.browser.PageClient;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Parking a customer's domain (TEC-4) on the demo host against the sandbox registry, with the nameserver-parking
 * presets and the Sedo plugin (its API answering from WireMock): parking switches the domain's nameservers at the
 * registry to the provider's and leaving switches them back; a provider's refusal leaves them as they were; another
 * customer reaches none of it; the customer center's page does the same.
 */
@DatabaseTest
class DomainParkingTest {

    private static final String A = DemoData.RESELLER_ID;
    private static final List<String> NAMEDRIVE = List.of("ns1.namedrive.com", "ns2.namedrive.com");
    private static final List<String> OWN = List.of("ns1.example.net", "ns2.example.net");

    private OrderingHost demo;
    private WireMockServer sedo;

    @AfterEach
    void stop() {
        if (sedo != null) {
            // the tests of the class share a database: the next host starts with Sedo not configured again
            demo.host.domainStore().jdbi().useHandle(h -> h.createUpdate(
                    "DELETE FROM plugin_setting WHERE plugin_id = 'parking-sedo'").execute());
            sedo.stop();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private List<String> atRegistry(DomainName name) {
        return SandboxDomains.info(demo.host, name).nameservers().stream().map(ns -> ns.host().ascii()).sorted()
                .toList();
    }

    private HttpResponse<String> api(String method, DomainName name, Object body, String token) throws Exception {
        return demo.send(method, "/api/v1/domains/" + name.ascii() + "/parking", body, token);
    }

    @DbTest
    void parkingSwitchesTheNameserversAtTheRegistryAndLeavingSwitchesThemBack(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "park");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);

        JsonNode offered = demo.json(api("GET", name, null, DemoData.RESELLER_TOKEN));
        assertThat(offered.get("parked").asBoolean()).isFalse();
        assertThat(offered.get("providers").findValuesAsText("id")).contains("namedrive", "parkingcrew", "bodis");

        HttpResponse<String> parked = api("PUT", name, Map.of("provider", "namedrive"), DemoData.RESELLER_TOKEN);
        assertThat(parked.statusCode()).as(parked.body()).isEqualTo(200);
        assertThat(demo.json(parked).get("state").asText()).isEqualTo("PARKED");
        assertThat(demo.json(parked).get("previousNameservers")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(OWN);
        assertThat(atRegistry(name)).isEqualTo(NAMEDRIVE);

        // the same choice again changes nothing; another provider must wait until this parking is left
        assertThat(api("PUT", name, Map.of("provider", "namedrive"), DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> other = api("PUT", name, Map.of("provider", "bodis"), DemoData.RESELLER_TOKEN);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(demo.reason(other)).isEqualTo("parking-already-parked");
        HttpResponse<String> unknown = api("PUT", name, Map.of("provider", "nowhere"), DemoData.RESELLER_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(demo.reason(unknown)).isEqualTo("parking-unknown-provider");
        assertThat(atRegistry(name)).isEqualTo(NAMEDRIVE);

        HttpResponse<String> left = api("DELETE", name, null, DemoData.RESELLER_TOKEN);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(demo.json(left).get("parked").asBoolean()).isFalse();
        assertThat(demo.json(left).get("state").asText()).isEqualTo("LEFT");
        assertThat(atRegistry(name)).isEqualTo(OWN);
        HttpResponse<String> again = api("DELETE", name, null, DemoData.RESELLER_TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(demo.reason(again)).isEqualTo("parking-not-parked");

        assertThat(demo.host.domainManagement().history(A, name.ascii())).extracting(DomainChange::kind)
                .containsExactly(DomainChange.Kind.UNPARK, DomainChange.Kind.NAMESERVERS, DomainChange.Kind.PARK,
                        DomainChange.Kind.NAMESERVERS, DomainChange.Kind.NAMESERVERS);
    }

    @DbTest
    void aDomainWithoutNameserversBeforeGetsTheOperatorsDefaultsBack(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "bare");
        assertThat(atRegistry(name)).isEmpty();

        assertThat(api("PUT", name, Map.of("provider", "parkingcrew"), DemoData.RESELLER_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(atRegistry(name)).containsExactly("ns1.parkingcrew.net", "ns2.parkingcrew.net");
        assertThat(api("DELETE", name, null, DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(200);

        assertThat(atRegistry(name)).containsExactly("ns1.kontor.invalid", "ns2.kontor.invalid");
    }

    @DbTest
    void aProviderThatRefusesLeavesTheNameserversAsTheyWere(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        assertThat(demo.json(api("GET", SandboxDomains.register(demo.host, A, "offers"), null,
                DemoData.RESELLER_TOKEN)).get("providers").findValuesAsText("id"))
                .as("Sedo is not offered until its account is configured").doesNotContain("sedo");
        sedoConfigured();
        DomainName name = SandboxDomains.register(demo.host, A, "refused");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <SEDOLIST><item><domain type="xsd:string">%s</domain><status type="xsd:string">not ok</status>\
                        <message type="xsd:string">The domain is on the blacklist and cannot be parked.</message>\
                        </item></SEDOLIST>""".formatted(name.ascii()))));

        HttpResponse<String> refused = api("PUT", name, Map.of("provider", "sedo"), DemoData.RESELLER_TOKEN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(demo.reason(refused)).isEqualTo("parking-provider-refused");
        assertThat(demo.json(refused).get("detail").asText()).contains("blacklist");
        assertThat(sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainInsert")))).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("domainentry[0][domain]").firstValue())
                        .isEqualTo(name.ascii()));
        assertThat(atRegistry(name)).isEqualTo(OWN);
        JsonNode after = demo.json(api("GET", name, null, DemoData.RESELLER_TOKEN));
        assertThat(after.get("parked").asBoolean()).isFalse();
        assertThat(after.get("state").asText()).isEqualTo("REFUSED");
        assertThat(after.get("providers").findValuesAsText("id")).contains("sedo");
    }

    /** Sedo's API on loopback (answers stubbed per test), and the Sedo plugin's settings pointing at it. */
    private void sedoConfigured() throws Exception {
        sedoConfigured("5");
    }

    private void sedoConfigured(String timeoutSeconds) throws Exception {
        sedo = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sedo.start();
        HttpResponse<String> saved = demo.send("PUT", "/api/v1/plugins/parking-sedo/settings", Map.of(
                "partner-id", "319844", "sign-key", "kontor-sign-key", "username", "kontor-parking",
                "password", "kontor-parking-password", "base-url", "http://127.0.0.1:" + sedo.port() + "/api/v1/",
                "timeout-seconds", timeoutSeconds), DemoData.ADMIN_TOKEN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static String sedoItem(DomainName name, String status, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SEDOLIST><item><domain type="xsd:string">%s</domain><status type="xsd:string">%s</status>\
                <message type="xsd:string">%s</message></item></SEDOLIST>""".formatted(name.ascii(), status, message);
    }

    @DbTest
    void aProviderThatDoesNotAnswerInTimeLeavesTheDomainPendingUntilAskedAgain(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        sedoConfigured("1");
        DomainName name = SandboxDomains.register(demo.host, A, "late");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2500).withBody(sedoItem(name, "ok", ""))));

        HttpResponse<String> late = api("PUT", name, Map.of("provider", "sedo"), DemoData.RESELLER_TOKEN);

        assertThat(late.statusCode()).as(late.body()).isEqualTo(202);
        assertThat(demo.json(late).get("state").asText()).isEqualTo("PENDING");
        assertThat(demo.json(late).get("parked").asBoolean()).isTrue();
        assertThat(atRegistry(name)).containsExactly("ns1.sedoparking.com", "ns2.sedoparking.com");

        // Sedo took it meanwhile: asked again, it says so; the nameservers stay
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).willReturn(aResponse().withStatus(200)
                .withBody(sedoItem(name, "not ok", "The domain already exists in your account."))));
        HttpResponse<String> confirmed = api("PUT", name, Map.of("provider", "sedo"), DemoData.RESELLER_TOKEN);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(demo.json(confirmed).get("state").asText()).isEqualTo("PARKED");
        assertThat(demo.json(confirmed).get("previousNameservers")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(OWN);
        assertThat(sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainInsert")))).hasSize(2);
        assertThat(demo.host.domainManagement().history(A, name.ascii())).extracting(DomainChange::state)
                .startsWith(DomainChange.State.DONE, DomainChange.State.PENDING);

        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainDelete")).willReturn(aResponse().withStatus(200)
                .withBody(sedoItem(name, "ok", ""))));
        assertThat(api("DELETE", name, null, DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainDelete")))).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("domains[0]").firstValue())
                        .isEqualTo(name.ascii()));
        assertThat(atRegistry(name)).isEqualTo(OWN);
    }

    @DbTest
    void theJanitorSettlesAPendingParkingAndSwitchesBackOneTheProviderRefusesLater(Database database)
            throws Exception {
        demo = OrderingHost.start(database, Map.of());
        sedoConfigured("1");
        DomainName taken = SandboxDomains.register(demo.host, A, "taken");
        DomainName refused = SandboxDomains.register(demo.host, A, "later");
        for (DomainName name : List.of(taken, refused)) {
            demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
            sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).willReturn(aResponse().withStatus(200)
                    .withFixedDelay(2500).withBody(sedoItem(name, "ok", ""))));
            assertThat(api("PUT", name, Map.of("provider", "sedo"), DemoData.RESELLER_TOKEN).statusCode())
                    .isEqualTo(202);
        }
        sedo.resetAll();
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).withQueryParam("domainentry[0][domain]",
                equalTo(taken.ascii())).willReturn(aResponse().withStatus(200).withBody(sedoItem(taken, "ok", ""))));
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainInsert")).withQueryParam("domainentry[0][domain]",
                equalTo(refused.ascii())).willReturn(aResponse().withStatus(200)
                .withBody(sedoItem(refused, "not ok", "The domain is on the blacklist and cannot be parked."))));

        assertThat(demo.host.domainParking().settle(Duration.ofMinutes(10), 10)).as("too early").isZero();
        demo.clock.advance(Duration.ofMinutes(11));
        assertThat(demo.host.domainParking().settle(Duration.ofMinutes(10), 10)).isEqualTo(2);

        assertThat(demo.json(api("GET", taken, null, DemoData.RESELLER_TOKEN)).get("state").asText())
                .isEqualTo("PARKED");
        assertThat(atRegistry(taken)).containsExactly("ns1.sedoparking.com", "ns2.sedoparking.com");
        JsonNode gone = demo.json(api("GET", refused, null, DemoData.RESELLER_TOKEN));
        assertThat(gone.get("state").asText()).isEqualTo("REFUSED");
        assertThat(gone.get("message").asText()).contains("blacklist");
        assertThat(atRegistry(refused)).isEqualTo(OWN);
        assertThat(demo.host.domainParking().settle(Duration.ofMinutes(10), 10)).as("nothing left").isZero();
    }

    @DbTest
    void sedosListingsAreOfferedBesideTheStorefrontsSearch(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        sedoConfigured();
        sedo.stubFor(get(urlPathEqualTo("/api/v1/DomainSearch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <SEDOSEARCH><item><domain type="xsd:string">kaffebar.com</domain><type type="xsd:string">D</type>\
                        <price type="xsd:double">1500</price><currency type="xsd:int">0</currency>\
                        <url type="xsd:string">https://sedo.com/search/details/?domain=kaffebar.com</url></item>\
                        </SEDOSEARCH>""")));

        JsonNode search = demo.json(demo.send("GET", "/api/v1/search?q=kaffebar&currency=EUR", null, null));

        assertThat(search.get("offers")).as(search.toString()).anySatisfy(offer -> {
            assertThat(offer.get("provider").asText()).isEqualTo("sedo");
            assertThat(offer.get("ascii").asText()).isEqualTo("kaffebar.com");
            assertThat(offer.get("link").asText()).isEqualTo("https://sedo.com/search/details/?domain=kaffebar.com");
            assertThat(offer.get("price").get("amount").asText()).isEqualTo("1500.00");
            assertThat(offer.get("price").get("currency").asText()).isEqualTo("EUR");
        });
        assertThat(sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainSearch")))).isNotEmpty()
                .allSatisfy(request -> assertThat(request.queryParameter("keyword").firstValue()).isEqualTo("kaffebar"));
    }

    @DbTest
    void anotherCustomerGetsNotFoundAndChangesNothing(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "mine");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
        assertThat(api("PUT", name, Map.of("provider", "bodis"), DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(200);
        String b = "parking-other-" + OrderingHost.suffix();
        String bToken = demo.newReseller(b);

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(api("GET", name, null, bToken));
        answers.add(api("PUT", name, Map.of("provider", "namedrive"), bToken));
        answers.add(api("PUT", name, null, bToken));
        answers.add(api("DELETE", name, null, bToken));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.body()).isEqualTo(404);
            assertThat(demo.reason(answer)).isEqualTo("not-found");
            assertThat(answer.body()).doesNotContain("bodis").doesNotContain("ns1.example.net");
        }
        PageClient pages = new PageClient(demo.host.port());
        pages.signIn(b + "@example.net", "other-reseller-password");
        String csrf = pages.csrfToken();
        String page = "/account/domains/" + name.ascii() + "/parking";
        assertThat(pages.page(page).statusCode()).isEqualTo(404);
        assertThat(pages.post(page, Map.of("_csrf", csrf, "provider", "namedrive")).statusCode()).isEqualTo(404);
        assertThat(pages.post(page + "/leave", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);

        assertThat(atRegistry(name)).containsExactly("ns1.bodis.com", "ns2.bodis.com");
        assertThat(demo.json(api("GET", name, null, DemoData.RESELLER_TOKEN)).get("provider").asText())
                .isEqualTo("bodis");
    }

    @DbTest
    void thePageParksAndLeavesInTheCustomersLanguage(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "page");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
        PageClient pages = new PageClient(demo.host.port()).language("da");
        pages.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        String csrf = pages.csrfToken();
        String page = "/account/domains/" + name.ascii() + "/parking";

        assertThat(pages.page("/account/domains/" + name.ascii()).body()).contains("href=\"" + page + "\"");
        HttpResponse<String> shown = pages.page(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Ikke parkeret", "id=\"provider-bodis\"", "id=\"provider-namedrive\"",
                "ns1.parkingcrew.net, ns2.parkingcrew.net", "ns1.example.net");

        HttpResponse<String> unknown = pages.post(page, Map.of("_csrf", csrf, "provider", "nowhere"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"parking-error\"", "Vælg en af de tilbudte parkeringsudbydere");

        HttpResponse<String> park = pages.post(page, Map.of("_csrf", csrf, "provider", "bodis"));
        assertThat(park.statusCode()).isEqualTo(303);
        assertThat(park.headers().firstValue("Location").orElse("")).isEqualTo(page + "?done=parked");
        assertThat(atRegistry(name)).containsExactly("ns1.bodis.com", "ns2.bodis.com");
        assertThat(pages.page(page + "?done=parked").body()).contains("Domænet er nu parkeret.", "Parkeret hos Bodis",
                "id=\"parking-leave\"", "ns1.bodis.com");

        HttpResponse<String> leave = pages.post(page + "/leave", Map.of("_csrf", csrf));
        assertThat(leave.statusCode()).isEqualTo(303);
        assertThat(leave.headers().firstValue("Location").orElse("")).isEqualTo(page + "?done=left");
        assertThat(atRegistry(name)).isEqualTo(OWN);
        assertThat(pages.page(page + "?done=left").body()).contains("Parkeringen er afsluttet", "Ikke parkeret");
        assertThat(pages.page("/account/domains/" + name.ascii()).body()).contains("Parkeret", "Parkering afsluttet");
    }

    @DbTest
    void theAnswersMatchTheDocument(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "doc");
        demo.host.domainManagement().changeNameservers(A, name.ascii(), OWN);
        JsonNode doc = demo.json(demo.send("GET", "/api/openapi.json", null, null));
        String path = "/api/v1/domains/{name}/parking";

        OpenApiAnswers.matches(doc, "GET", path, api("GET", name, null, DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "PUT", path, api("PUT", name, Map.of("provider", "namedrive"),
                DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "PUT", path, api("PUT", name, Map.of("provider", "bodis"), DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "PUT", path, api("PUT", name, Map.of("provider", "nowhere"), DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "GET", path, api("GET", name, null, DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "DELETE", path, api("DELETE", name, null, DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "DELETE", path, api("DELETE", name, null, DemoData.RESELLER_TOKEN));
        OpenApiAnswers.matches(doc, "GET", path, demo.send("GET", "/api/v1/domains/nowhere.test/parking", null,
                DemoData.RESELLER_TOKEN));
    }
}
