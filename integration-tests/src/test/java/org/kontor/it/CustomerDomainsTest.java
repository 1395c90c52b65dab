package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.DomainInfo;
import org.kontor.database.Database;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.HolderContact;
import org.kontor.host.demo.DemoData;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.management.DomainChange;
import org.kontor.host.domains.management.DomainManagement;
import org.kontor.host.domains.management.DomainManagementException;
import org.kontor.host.domains.management.DomainManagementException.Reason;
import org.kontor.it.browser.PageClient;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A customer's management of their own domains in the customer center (CC-2, CC-3, CC-7, CC-8), on the demo host
 * against the sandbox registry: the service {@link DomainManagement}, its JSON API under {@code /api/v1/domains}, and
 * that another customer reaches none of it by putting the domain's name into a request, in the API or the pages.
 */
@DatabaseTest
class CustomerDomainsTest {

    private static final String A = DemoData.RESELLER_ID;

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private DomainManagement management() {
        return demo.host.domainManagement();
    }

    private static List<String> hosts(DomainInfo info) {
        return info.nameservers().stream().map(ns -> ns.host().ascii()).sorted().toList();
    }

    private List<DomainChange> history(DomainName name) {
        return management().history(A, name.ascii());
    }

    private static Reason reason(Runnable call) {
        try {
            call.run();
        } catch (DomainManagementException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @DbTest
    void nameserversAreSetAtTheRegistryOnlyWhenValid(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "ns");

        management().changeNameservers(A, name.unicode(), List.of("ns1.example.net", " NS2.Example.NET. "));
        assertThat(hosts(SandboxDomains.info(demo.host, name))).containsExactly("ns1.example.net", "ns2.example.net");

        // an internationalised host name, one kept, one removed: only the difference is sent
        management().changeNameservers(A, name.ascii(), List.of("ns2.example.net", "ns.bücher.net"));
        assertThat(hosts(SandboxDomains.info(demo.host, name))).containsExactly("ns.xn--bcher-kva.net",
                "ns2.example.net");
        assertThat(history(name)).extracting(DomainChange::kind).containsExactly(DomainChange.Kind.NAMESERVERS,
                DomainChange.Kind.NAMESERVERS);
        assertThat(history(name).get(0).detail()).isEqualTo("ns2.example.net, ns.bücher.net");

        List<List<String>> invalid = List.of(List.of("ns1.example.net"), List.of(),
                List.of("ns1.example.net", "NS1.example.net."), List.of("ns1.example.net", "localhost"),
                List.of("ns1.example.net", "ns..example.net"),
                IntStream.rangeClosed(1, 14).mapToObj(i -> "ns" + i + ".example.net").toList());
        for (List<String> hosts : invalid) {
            assertThat(reason(() -> management().changeNameservers(A, name.ascii(), hosts))).as(hosts.toString())
                    .isEqualTo(Reason.INVALID_NAMESERVERS);
        }
        assertThat(hosts(SandboxDomains.info(demo.host, name))).containsExactly("ns.xn--bcher-kva.net",
                "ns2.example.net");
        assertThat(history(name)).hasSize(2);

        // the same through the API
        HttpResponse<String> put = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/nameservers",
                Map.of("nameservers", List.of("a.ns.example.org", "b.ns.example.org")), DemoData.RESELLER_TOKEN);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(demo.json(put).get("nameservers")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("a.ns.example.org", "b.ns.example.org");
        assertThat(hosts(SandboxDomains.info(demo.host, name))).containsExactly("a.ns.example.org", "b.ns.example.org");
        HttpResponse<String> refused = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/nameservers",
                Map.of("nameservers", List.of("a.ns.example.org")), DemoData.RESELLER_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(demo.reason(refused)).isEqualTo("invalid-nameservers");
        JsonNode listed = demo.json(demo.send("GET", "/api/v1/domains", null, DemoData.RESELLER_TOKEN));
        assertThat(listed.findValuesAsText("name")).contains(name.ascii());
    }

    @DbTest
    void aLockBlocksTheAuthCodeAndTheTransferReleaseLiftsIt(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "lock");

        management().setTransferLock(A, name.ascii(), true);
        assertThat(SandboxDomains.info(demo.host, name).statuses()).contains("clientTransferProhibited");
        assertThat(reason(() -> management().authCode(A, name.ascii()))).isEqualTo(Reason.LOCKED);
        HttpResponse<String> locked = demo.send("POST", "/api/v1/domains/" + name.ascii() + "/auth-code", null,
                DemoData.RESELLER_TOKEN);
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(demo.reason(locked)).isEqualTo("locked");
        assertThat(history(name)).extracting(DomainChange::kind).containsExactly(DomainChange.Kind.LOCK);

        String code = management().releaseForTransfer(A, name.ascii());
        DomainInfo released = SandboxDomains.info(demo.host, name);
        assertThat(released.statuses()).doesNotContain("clientTransferProhibited");
        assertThat(code).hasSizeGreaterThanOrEqualTo(16).isEqualTo(released.authCode());
        // the code the registry now discloses is the answer again
        HttpResponse<String> again = demo.send("POST", "/api/v1/domains/" + name.ascii() + "/auth-code", null,
                DemoData.RESELLER_TOKEN);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(demo.json(again).get("authCode").asText()).isEqualTo(code);
        assertThat(history(name)).extracting(DomainChange::kind).containsExactly(DomainChange.Kind.AUTH_CODE,
                DomainChange.Kind.AUTH_CODE, DomainChange.Kind.UNLOCK, DomainChange.Kind.LOCK);
        assertThat(history(name)).allSatisfy(change -> assertThat(change.detail()).doesNotContain(code));
        String stored = demo.host.domainStore().jdbi().withHandle(h -> String.join(" ", h.createQuery(
                "SELECT detail FROM domain_change WHERE domain = :d").bind("d", name.ascii()).mapTo(String.class).list()));
        assertThat(stored).doesNotContain(code);

        HttpResponse<String> lock = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/lock",
                Map.of("locked", true), DemoData.RESELLER_TOKEN);
        assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
        assertThat(demo.json(lock).get("locked").asBoolean()).isTrue();
        assertThat(SandboxDomains.info(demo.host, name).statuses()).contains("clientTransferProhibited");
    }

    @DbTest
    void aCancellationWithinTheNoticePeriodIsRefusedAndOneInTimeEndsTheDomain(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        assertThat(management().noticeDays()).isEqualTo(30);
        DomainName name = SandboxDomains.register(demo.host, A, "cancel");
        Instant now = demo.clock.instant();
        expires(name, now.plus(Duration.ofDays(45)));

        // in time up to 30 days before the expiry, i.e. for 15 more days; 16 days on it is too late
        demo.clock.advance(Duration.ofDays(16));
        assertThat(reason(() -> management().cancel(A, name.ascii()))).isEqualTo(Reason.NOTICE_PERIOD);
        HttpResponse<String> late = demo.send("POST", "/api/v1/domains/" + name.ascii() + "/cancellation", null,
                DemoData.RESELLER_TOKEN);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(demo.reason(late)).isEqualTo("notice-period");
        assertThat(demo.json(late).get("detail").asText()).contains(
                java.time.LocalDate.ofInstant(now.plus(Duration.ofDays(15)), java.time.ZoneOffset.UTC).toString());
        DomainRecord kept = demo.host.domainStore().find(A, name).orElseThrow();
        assertThat(kept.terminatedAt()).isNull();
        assertThat(kept.autoRenew()).isTrue();
        assertThat(history(name)).isEmpty();

        // renewed meanwhile: the next term can be cancelled, on the last day of the notice period too
        expires(name, demo.clock.instant().plus(Duration.ofDays(30)));
        HttpResponse<String> cancelled = demo.send("POST", "/api/v1/domains/" + name.ascii() + "/cancellation", null,
                DemoData.RESELLER_TOKEN);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        DomainRecord ended = demo.host.domainStore().find(A, name).orElseThrow();
        assertThat(ended.terminatedAt()).isNotNull();
        assertThat(ended.autoRenew()).isFalse();
        assertThat(ended.state()).isEqualTo(State.ACTIVE);
        assertThat(history(name)).extracting(DomainChange::kind).containsExactly(DomainChange.Kind.CANCELLATION);
        assertThat(reason(() -> management().cancel(A, name.ascii()))).isEqualTo(Reason.CANCELLED);
        assertThat(reason(() -> management().setAutoRenew(A, name.ascii(), true))).isEqualTo(Reason.CANCELLED);
    }

    @DbTest
    void automaticRenewalIsTheCustomersToSet(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "renew");
        HttpResponse<String> off = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/auto-renew",
                Map.of("autoRenew", false), DemoData.RESELLER_TOKEN);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(demo.host.domainStore().find(A, name).orElseThrow().autoRenew()).isFalse();
        HttpResponse<String> wrong = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/auto-renew",
                Map.of("autoRenew", "no"), DemoData.RESELLER_TOKEN);
        assertThat(wrong.statusCode()).isEqualTo(422);
        management().setAutoRenew(A, name.ascii(), true);
        assertThat(demo.host.domainStore().find(A, name).orElseThrow().autoRenew()).isTrue();
        assertThat(history(name)).extracting(DomainChange::detail).containsExactly("on", "off");
    }

    @DbTest
    void theHolderChangesToOneOfTheCustomersOwnContactsWithTheTermsAccepted(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "holder");
        String before = SandboxDomains.info(demo.host, name).registrant().id();
        HolderContact next = demo.host.contacts().create(A, new ContactInput("INDIVIDUAL", "Nina Nyholder", null,
                List.of("Nyvej 3"), "Aarhus C", null, "8000", "DK", "nina@example.net", "+45.70123456", null, null,
                null, null, null, List.of()));
        String othersContact = demo.host.contacts().list(DemoData.CUSTOMER_ID).get(0).id();

        assertThat(reason(() -> management().changeHolder(A, name.ascii(), next.id(), false)))
                .isEqualTo(Reason.TERMS_NOT_ACCEPTED);
        assertThat(reason(() -> management().changeHolder(A, name.ascii(), othersContact, true)))
                .isEqualTo(Reason.UNKNOWN_CONTACT);
        assertThat(SandboxDomains.info(demo.host, name).registrant().id()).isEqualTo(before);

        HttpResponse<String> changed = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/holder",
                Map.of("contact", next.id(), "acceptTerms", true), DemoData.RESELLER_TOKEN);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(demo.json(changed).get("state").asText()).isEqualTo("DONE");
        String after = SandboxDomains.info(demo.host, name).registrant().id();
        assertThat(after).isNotEqualTo(before);
        String holderName = demo.host.domainStore().jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM sandbox_registry_contact WHERE id = :id").bind("id", after).mapTo(String.class).one());
        assertThat(holderName).isEqualTo("Nina Nyholder");
        assertThat(history(name)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(DomainChange.Kind.HOLDER);
            assertThat(change.state()).isEqualTo(DomainChange.State.DONE);
            assertThat(change.detail()).isEqualTo("Nina Nyholder");
        });
    }

    @DbTest
    void whenTheRegistryIsDownNothingIsRecordedAsChanged(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "down");
        demo.host.plugins().disable("sandbox-registry");
        try {
            registryDown(name);
        } finally {
            // the plugin's state is kept in the database the class's tests share
            demo.host.plugins().enable("sandbox-registry");
        }
    }

    private void registryDown(DomainName name) throws Exception {

        assertThat(reason(() -> management().changeNameservers(A, name.ascii(),
                List.of("ns1.example.net", "ns2.example.net")))).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
        assertThat(reason(() -> management().authCode(A, name.ascii()))).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
        assertThat(reason(() -> management().setTransferLock(A, name.ascii(), true)))
                .isEqualTo(Reason.REGISTRY_UNAVAILABLE);
        HttpResponse<String> put = demo.send("PUT", "/api/v1/domains/" + name.ascii() + "/nameservers",
                Map.of("nameservers", List.of("ns1.example.net", "ns2.example.net")), DemoData.RESELLER_TOKEN);
        assertThat(put.statusCode()).isEqualTo(503);
        assertThat(demo.reason(put)).isEqualTo("registry-unavailable");
        assertThat(history(name)).isEmpty();

        // the domain is still shown, with the registry named as unreachable
        HttpResponse<String> shown = demo.send("GET", "/api/v1/domains/" + name.ascii(), null, DemoData.RESELLER_TOKEN);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(demo.json(shown).get("registry").get("reachable").asBoolean()).isFalse();
        assertThat(demo.json(shown).get("nameservers").isNull()).isTrue();
        PageClient pages = new PageClient(demo.host.port());
        pages.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        HttpResponse<String> page = pages.page("/account/domains/" + name.ascii());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"registry-problem\"");
    }

    @DbTest
    void anotherCustomerGetsNotFoundForEveryRouteOnTheDomain(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "isolated");
        management().changeNameservers(A, name.ascii(), List.of("ns1.example.net", "ns2.example.net"));
        DomainInfo before = SandboxDomains.info(demo.host, name);
        int changes = history(name).size();
        String b = "domains-b-" + OrderingHost.suffix();
        String bToken = demo.newReseller(b);
        String bContact = demo.host.contacts().list(b).get(0).id();
        String missing = "nowhere-" + OrderingHost.suffix() + ".test";

        for (String domain : List.of(name.ascii(), name.unicode(), missing)) {
            String base = "/api/v1/domains/" + domain;
            List<HttpResponse<String>> answers = List.of(
                    demo.send("GET", base, null, bToken),
                    demo.send("PUT", base + "/nameservers", Map.of("nameservers", List.of("x.example.net",
                            "y.example.net")), bToken),
                    demo.send("POST", base + "/auth-code", Map.of("release", true), bToken),
                    demo.send("PUT", base + "/lock", Map.of("locked", false), bToken),
                    demo.send("PUT", base + "/auto-renew", Map.of("autoRenew", false), bToken),
                    demo.send("POST", base + "/cancellation", null, bToken),
                    demo.send("PUT", base + "/holder", Map.of("contact", bContact, "acceptTerms", true), bToken),
                    // an empty body: the ownership is checked before the body
                    demo.send("PUT", base + "/lock", null, bToken));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri() + " " + answer.body())
                        .isEqualTo(404);
                assertThat(demo.reason(answer)).isEqualTo("not-found");
                assertThat(answer.body()).doesNotContain("ns1.example.net").doesNotContain(A);
            }
        }
        assertThat(demo.json(demo.send("GET", "/api/v1/domains", null, bToken)).findValuesAsText("name"))
                .doesNotContain(name.ascii());

        PageClient pages = new PageClient(demo.host.port());
        pages.signIn(b + "@example.net", "other-reseller-password");
        String csrf = pages.csrfToken();
        String page = "/account/domains/" + name.ascii();
        assertThat(pages.page(page).statusCode()).isEqualTo(404);
        for (Map.Entry<String, Map<String, String>> form : Map.of(
                "/nameservers", Map.of("_csrf", csrf, "nameservers", "x.example.net\ny.example.net"),
                "/auth-code", Map.of("_csrf", csrf, "release", "true"),
                "/lock", Map.of("_csrf", csrf, "locked", "false"),
                "/auto-renew", Map.of("_csrf", csrf, "autoRenew", "false"),
                "/cancellation", Map.of("_csrf", csrf),
                "/holder", Map.of("_csrf", csrf, "contact", bContact, "acceptTerms", "true")).entrySet()) {
            HttpResponse<String> answer = pages.post(page + form.getKey(), form.getValue());
            assertThat(answer.statusCode()).as(form.getKey()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("ns1.example.net");
        }
        assertThat(pages.page("/account/domains").body()).doesNotContain(name.ascii());

        DomainInfo after = SandboxDomains.info(demo.host, name);
        assertThat(hosts(after)).isEqualTo(hosts(before));
        assertThat(after.statuses()).isEqualTo(before.statuses());
        assertThat(after.registrant()).isEqualTo(before.registrant());
        assertThat(after.authCode()).isEqualTo(before.authCode());
        DomainRecord record = demo.host.domainStore().find(A, name).orElseThrow();
        assertThat(record.autoRenew()).isTrue();
        assertThat(record.terminatedAt()).isNull();
        assertThat(history(name)).hasSize(changes);
    }

    @DbTest
    void thePagesPostRedirectAndSayWhyARefusalWasRefused(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "pages");
        PageClient pages = new PageClient(demo.host.port()).language("da");
        pages.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        String csrf = pages.csrfToken();
        String page = "/account/domains/" + name.ascii();

        HttpResponse<String> list = pages.page("/account/domains");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/account/domains/" + name.ascii() + "\"");

        HttpResponse<String> lock = pages.post(page + "/lock", Map.of("_csrf", csrf, "locked", "true"));
        assertThat(lock.statusCode()).isEqualTo(303);
        assertThat(lock.headers().firstValue("Location").orElse("")).isEqualTo(page + "?done=locked");
        assertThat(SandboxDomains.info(demo.host, name).statuses()).contains("clientTransferProhibited");
        HttpResponse<String> shown = pages.page(page + "?done=locked");
        assertThat(shown.body()).contains("id=\"domain-done\"", "Domænet er nu låst mod overførsel.");

        HttpResponse<String> code = pages.post(page + "/auth-code", Map.of("_csrf", csrf));
        assertThat(code.statusCode()).isEqualTo(409);
        assertThat(code.body()).contains("id=\"domain-error\"", "Ophæv først låsen").doesNotContain("auth-code-value");

        HttpResponse<String> released = pages.post(page + "/auth-code", Map.of("_csrf", csrf, "release", "true"));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(PageClient.all(released.body(), "id=\"auth-code-value\">([^<]+)<"))
                .containsExactly(SandboxDomains.info(demo.host, name).authCode());

        HttpResponse<String> invalid = pages.post(page + "/nameservers", Map.of("_csrf", csrf, "nameservers",
                "ns1.example.net\nns1.example.net"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Navneserverne blev ikke ændret: ns1.example.net er ikke et værtsnavn",
                "ns1.example.net\nns1.example.net");

        expires(name, demo.clock.instant().plus(Duration.ofDays(10)));
        HttpResponse<String> late = pages.post(page + "/cancellation", Map.of("_csrf", csrf));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Det er for sent at opsige til denne periode");
        assertThat(demo.host.domainStore().find(A, name).orElseThrow().terminatedAt()).isNull();

        HttpResponse<String> off = pages.post(page + "/auto-renew", Map.of("_csrf", csrf, "autoRenew", "false"));
        assertThat(off.headers().firstValue("Location").orElse("")).isEqualTo(page + "?done=auto-renew-off");
        assertThat(demo.host.domainStore().find(A, name).orElseThrow().autoRenew()).isFalse();
        assertThat(pages.page(page).body()).contains("Automatisk fornyelse: fra", "Låst mod overførsel",
                "Overførselslås ophævet", "Autorisationskode hentet");
        assertThat(pages.page(page).body()).contains("id=\"domain-services-none\"");
        demo.host.domainStore().jdbi().useHandle(h -> demo.host.addons().activate(h, A, "forwarding", name.ascii(),
                "order-of-" + name.ascii(), 1, 12));
        assertThat(pages.page(page).body()).contains("id=\"domain-services\"", "Web and e-mail forwarding");
    }

    @DbTest
    void theAnswersMatchTheDocument(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "schema");
        String base = "/api/v1/domains/" + name.ascii();
        String token = DemoData.RESELLER_TOKEN;
        JsonNode doc = demo.json(demo.send("GET", "/api/openapi.json", null, null));

        matches(doc, "GET", "/api/v1/domains", demo.send("GET", "/api/v1/domains", null, token));
        matches(doc, "GET", "/api/v1/domains/{name}", demo.send("GET", base, null, token));
        matches(doc, "GET", "/api/v1/domains/{name}", demo.send("GET", "/api/v1/domains/nowhere.test", null, token));
        matches(doc, "PUT", "/api/v1/domains/{name}/nameservers", demo.send("PUT", base + "/nameservers",
                Map.of("nameservers", List.of("ns1.example.net", "ns2.example.net")), token));
        matches(doc, "PUT", "/api/v1/domains/{name}/nameservers", demo.send("PUT", base + "/nameservers",
                Map.of("nameservers", List.of("ns1.example.net")), token));
        matches(doc, "PUT", "/api/v1/domains/{name}/lock", demo.send("PUT", base + "/lock", Map.of("locked", true),
                token));
        matches(doc, "POST", "/api/v1/domains/{name}/auth-code", demo.send("POST", base + "/auth-code", null, token));
        matches(doc, "POST", "/api/v1/domains/{name}/auth-code", demo.send("POST", base + "/auth-code",
                Map.of("release", true), token));
        matches(doc, "PUT", "/api/v1/domains/{name}/auto-renew", demo.send("PUT", base + "/auto-renew",
                Map.of("autoRenew", false), token));
        String contact = demo.host.contacts().list(A).get(0).id();
        matches(doc, "PUT", "/api/v1/domains/{name}/holder", demo.send("PUT", base + "/holder",
                Map.of("contact", contact, "acceptTerms", true), token));
        matches(doc, "PUT", "/api/v1/domains/{name}/holder", demo.send("PUT", base + "/holder",
                Map.of("contact", contact, "acceptTerms", false), token));
        expires(name, demo.clock.instant().plus(Duration.ofDays(5)));
        matches(doc, "POST", "/api/v1/domains/{name}/cancellation", demo.send("POST", base + "/cancellation", null,
                token));
        expires(name, demo.clock.instant().plus(Duration.ofDays(300)));
        matches(doc, "POST", "/api/v1/domains/{name}/cancellation", demo.send("POST", base + "/cancellation", null,
                token));
        matches(doc, "GET", "/api/v1/domains/{name}", demo.send("GET", base, null, token));
    }

    /** The answer's status is documented for the operation, and its body matches the schema, strictly. */
    private void matches(JsonNode doc, String method, String path, HttpResponse<String> response) throws Exception {
        String where = method + " " + path + " → " + response.statusCode() + " " + response.body();
        JsonNode answer = doc.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is documented").isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents " + type).isFalse();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        assertThat(com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(root).validate(json.readTree(response.body()))).as(where).isEmpty();
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(CustomerDomainsTest::strict);
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.elements().forEachRemaining(CustomerDomainsTest::strict);
        }
        return node;
    }

    private void expires(DomainName name, Instant expiry) {
        demo.host.domainStore().jdbi().useTransaction(h -> demo.host.domainStore().put(h, name, A,
                DemoData.SANDBOX_REGISTRY_ID, State.ACTIVE, null, expiry, null, "test"));
    }
}
