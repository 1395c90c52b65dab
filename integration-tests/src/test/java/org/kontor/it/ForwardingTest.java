package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.host.dns.StoredRecord;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Web and e-mail forwarding (TEC-1) and own nameservers with glue (TEC-5) on the demo host against the sandbox
 * registry: forwards answered over real HTTP by Host header, the Postfix map read back, glue hosts at the sandbox, the
 * nameserver check refusing a silent nameserver, and another customer reaching none of it.
 */
@DatabaseTest
class ForwardingTest {

    private static final String A = DemoData.RESELLER_ID;
    private static final String BASE = "/api/v1/domains/";

    private OrderingHost demo;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.host.port() + path))
                .header("Host", host).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void book(DomainName name) {
        demo.host.domainStore().jdbi().useTransaction(h -> demo.host.addons().activate(h, A, "forwarding",
                name.ascii(), "it-" + UUID.randomUUID(), 1, 12));
    }

    private List<String> records(DomainName name, String label, String type) {
        return demo.host.dnsZones().zone(A, name).records().stream().map(StoredRecord::record)
                .filter(r -> r.name().equalsIgnoreCase(label) && r.type().equals(type)).map(r -> r.data()).toList();
    }

    @DbTest
    void forwardsAnswerByHostHeaderOverHttp(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "fwd");
        String token = DemoData.RESELLER_TOKEN;

        // the demo sells the forwarding add-on: without it booked, no forward
        HttpResponse<String> unbooked = demo.send("PUT", BASE + name.ascii() + "/forwarding/web/@",
                Map.of("target", "https://example.org/start", "type", "PERMANENT"), token);
        assertThat(unbooked.statusCode()).as(unbooked.body()).isEqualTo(422);
        assertThat(demo.reason(unbooked)).isEqualTo("not-booked");
        book(name);

        for (String bad : List.of("javascript:alert(1)", "ftp://example.org/", "https://user@example.org/",
                "https://example.org/#x", "//example.org", "https://exa mple.org/", "https://" + name.ascii() + "/")) {
            HttpResponse<String> refused = demo.send("PUT", BASE + name.ascii() + "/forwarding/web/@",
                    Map.of("target", bad), token);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
        }
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/web/@", Map.of("target",
                "https://example.org/", "type", "PERMANENT", "status", 302), token).statusCode()).isEqualTo(422);

        assertThat(records(name, "@", "A")).containsExactly("192.0.2.80"); // the demo's default record
        HttpResponse<String> set = demo.send("PUT", BASE + name.ascii() + "/forwarding/web/@",
                Map.of("target", "https://example.org/start", "type", "PERMANENT", "keepPath", true), token);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(demo.json(set).get("replacedRecords").toString()).contains("@ A 192.0.2.80");
        assertThat(records(name, "@", "A")).containsExactly("192.0.2.81");
        assertThat(records(name, "@", "AAAA")).hasSize(1);
        demo.send("PUT", BASE + name.ascii() + "/forwarding/web/www", Map.of("target", "http://example.net/x?a=1",
                "type", "TEMPORARY", "status", 307, "keepPath", true), token);
        assertThat(records(name, "www", "CNAME")).isEmpty();
        demo.send("PUT", BASE + name.ascii() + "/forwarding/web/old", Map.of("target", "https://example.net/",
                "type", "PERMANENT", "status", 308), token);
        demo.send("PUT", BASE + name.ascii() + "/forwarding/web/tmp", Map.of("target", "https://example.net/t",
                "type", "TEMPORARY"), token);
        HttpResponse<String> framed = demo.send("PUT", BASE + name.ascii() + "/forwarding/web/shop",
                Map.of("target", "https://shop.example.com/store", "type", "FRAMED", "keepPath", true), token);
        assertThat(framed.statusCode()).as(framed.body()).isEqualTo(200);

        HttpResponse<String> permanent = get(name.ascii() + ":" + demo.host.port(), "/a/b?c=d&e=f");
        assertThat(permanent.statusCode()).isEqualTo(301);
        assertThat(permanent.headers().firstValue("Location")).hasValue("https://example.org/start/a/b?c=d&e=f");
        HttpResponse<String> temporary = get("WWW." + name.ascii().toUpperCase() + ".", "/p?q=1");
        assertThat(temporary.statusCode()).isEqualTo(307);
        assertThat(temporary.headers().firstValue("Location")).hasValue("http://example.net/x/p?a=1&q=1");
        HttpResponse<String> moved = get("old." + name.ascii(), "/kept/not");
        assertThat(moved.statusCode()).isEqualTo(308);
        assertThat(moved.headers().firstValue("Location")).hasValue("https://example.net/");
        HttpResponse<String> found = get("tmp." + name.ascii(), "/");
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location")).hasValue("https://example.net/t");

        HttpResponse<String> page = get("shop." + name.ascii(), "/item?id=7&x=%3C");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<iframe src=\"https://shop.example.com/store/item?id=7&amp;x=%3C\"")
                .doesNotContain("<script");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("frame-src https://shop.example.com").contains("default-src 'none'")
                .doesNotContain("unsafe-inline");

        // an unknown host, and Kontor's own, get the normal answer
        HttpResponse<String> other = get("unknown-" + name.ascii(), "/api/v1/openapi.json");
        assertThat(other.statusCode()).isNotIn(301, 302, 307, 308);
        assertThat(other.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("frame-src")
                .isEqualTo(org.kontor.host.security.SecurityHeaders.CONTENT_SECURITY_POLICY);
        HttpResponse<String> local = get("localhost:" + demo.host.port(), "/api/v1/domains");
        assertThat(local.statusCode()).isEqualTo(401);

        // another customer reaches none of it
        String otherToken = demo.newReseller("fwd-other-" + OrderingHost.suffix());
        assertThat(demo.send("GET", BASE + name.ascii() + "/forwarding", null, otherToken).statusCode()).isEqualTo(404);
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/web/@", Map.of("target",
                "https://evil.example/"), otherToken).statusCode()).isEqualTo(404);
        assertThat(demo.send("DELETE", BASE + name.ascii() + "/forwarding/web/@", null, otherToken).statusCode())
                .isEqualTo(404);

        // removing the forward ends the answer and takes the forwarding server's records away
        assertThat(demo.send("DELETE", BASE + name.ascii() + "/forwarding/web/@", null, token).statusCode())
                .isEqualTo(200);
        assertThat(get(name.ascii(), "/").statusCode()).isNotEqualTo(301);
        assertThat(records(name, "@", "A")).isEmpty();
    }

    @DbTest
    void aliasesAreExportedAsAPostfixMapAndSetTheMx(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "mail");
        book(name);
        String token = DemoData.RESELLER_TOKEN;
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/mail/info", Map.of("targets",
                List.of("a@" + name.ascii())), token).statusCode()).isEqualTo(422); // a loop
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/mail/info", Map.of("targets",
                List.of("not-an-address")), token).statusCode()).isEqualTo(422);
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/mail/bad%20part", Map.of("targets",
                List.of("a@example.org")), token).statusCode()).isEqualTo(422);
        HttpResponse<String> info = demo.send("PUT", BASE + name.ascii() + "/forwarding/mail/info",
                Map.of("targets", List.of("a@example.org", "B@Example.NET")), token);
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(demo.json(info).get("replacedRecords").toString()).contains("mail.kontor.test");
        assertThat(records(name, "@", "MX")).containsExactly("mx.forwarding.kontor.test.");
        assertThat(demo.send("PUT", BASE + name.ascii() + "/forwarding/mail/*", Map.of("targets",
                List.of("all@example.org")), token).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = demo.send("GET", "/api/v1/admin/mail-forwarding/virtual", null, token);
        assertThat(denied.statusCode()).isEqualTo(403);
        HttpResponse<String> map = demo.send("GET", "/api/v1/admin/mail-forwarding/virtual", null,
                DemoData.ADMIN_TOKEN);
        assertThat(map.statusCode()).isEqualTo(200);
        Map<String, String> parsed = new HashMap<>();
        for (String line : map.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\\s+", 2);
                parsed.put(parts[0], parts[1]);
            }
        }
        assertThat(parsed).containsEntry("info@" + name.ascii(), "a@example.org,B@example.net")
                .containsEntry("@" + name.ascii(), "all@example.org").containsKey(name.ascii());
        assertThat(demo.send("GET", "/api/v1/admin/mail-forwarding/virtual?part=domains", null,
                DemoData.ADMIN_TOKEN).body().lines().toList()).contains(name.ascii());

        demo.send("DELETE", BASE + name.ascii() + "/forwarding/mail/info", null, token);
        assertThat(records(name, "@", "MX")).hasSize(1);
        demo.send("DELETE", BASE + name.ascii() + "/forwarding/mail/*", null, token);
        assertThat(records(name, "@", "MX")).isEmpty();
        assertThat(demo.send("GET", "/api/v1/admin/mail-forwarding/virtual", null, DemoData.ADMIN_TOKEN).body())
                .doesNotContain(name.ascii());
    }

    @DbTest
    void glueIsCreatedAtTheRegistryAndSilentNameserversAreRefused(Database database) throws Exception {
        try (DatagramSocket dns = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            Thread server = new Thread(() -> answerSoa(dns), "test-dns");
            server.setDaemon(true);
            server.start();
            demo = OrderingHost.start(database, Map.of("KONTOR_DOMAINS_CHECK_NAMESERVERS", "true",
                    "KONTOR_DOMAINS_CHECK_NAMESERVERS_PORT", Integer.toString(dns.getLocalPort()),
                    "KONTOR_DOMAINS_CHECK_NAMESERVERS_TIMEOUT_MS", "400"));
            DomainName name = SandboxDomains.register(demo.host, A, "glue");
            String token = DemoData.RESELLER_TOKEN;

            HttpResponse<String> noGlue = demo.send("PUT", BASE + name.ascii() + "/nameservers",
                    Map.of("nameservers", List.of("ns1." + name.ascii(), "ns2." + name.ascii())), token);
            assertThat(noGlue.statusCode()).as(noGlue.body()).isEqualTo(422);
            assertThat(demo.reason(noGlue)).isEqualTo("glue-required");

            // 127.0.0.2 has nothing listening: the check names it and nothing changes
            HttpResponse<String> silent = demo.send("PUT", BASE + name.ascii() + "/nameservers", Map.of("nameservers",
                    List.of(Map.of("host", "ns1." + name.ascii(), "addresses", List.of("127.0.0.1")),
                            Map.of("host", "ns2." + name.ascii(), "addresses", List.of("127.0.0.2")))), token);
            assertThat(silent.statusCode()).as(silent.body()).isEqualTo(422);
            assertThat(demo.reason(silent)).isEqualTo("nameservers-silent");
            assertThat(demo.json(silent).get("detail").asText()).contains("ns2." + name.ascii())
                    .doesNotContain("ns1." + name.ascii() + ",");
            assertThat(SandboxDomains.info(demo.host, name).nameservers()).extracting(ns -> ns.host().ascii())
                    .doesNotContain("ns1." + name.ascii());

            HttpResponse<String> glued = demo.send("PUT", BASE + name.ascii() + "/nameservers", Map.of("nameservers",
                    List.of(Map.of("host", "ns1." + name.ascii(), "addresses", List.of("127.0.0.1", "::1")),
                            Map.of("host", "ns2." + name.ascii(), "addresses", List.of("127.0.0.1")))), token);
            assertThat(glued.statusCode()).as(glued.body()).isEqualTo(200);
            assertThat(SandboxDomains.info(demo.host, name).nameservers()).extracting(ns -> ns.host().ascii())
                    .containsExactlyInAnyOrder("ns1." + name.ascii(), "ns2." + name.ascii());
            String addresses = demo.host.domainStore().jdbi().withHandle(h -> h.createQuery(
                    "SELECT addresses FROM sandbox_registry_host WHERE name = :n").bind("n", "ns1." + name.ascii())
                    .mapTo(String.class).one());
            assertThat(addresses).contains("127.0.0.1").containsAnyOf("::1", "0:0:0:0:0:0:0:1");

            assertThat(demo.send("PUT", BASE + name.ascii() + "/nameservers", Map.of("nameservers",
                    List.of("ns1." + name.ascii(), "ns2." + name.ascii())), demo.newReseller("glue-other-"
                    + OrderingHost.suffix())).statusCode()).isEqualTo(404);
        }
    }

    @DbTest
    void theForwardingPageSetsAForwardAndAnAliasInTheCustomersLanguage(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        DomainName name = SandboxDomains.register(demo.host, A, "page");
        org.kontor.it.browser.PageClient client = new org.kontor.it.browser.PageClient(demo.host.port()).language("de");
        client.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        String path = "/account/domains/" + name.ascii() + "/forwarding";
        HttpResponse<String> page = client.page(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Web-Weiterleitung").contains("id=\"forwarding-not-booked\"");
        assertThat(client.page("/account/domains/" + name.ascii()).body()).contains("id=\"forwarding-link\"");
        book(name);
        String csrf = org.kontor.it.browser.PageClient.hidden(client.page(path).body(), "_csrf");

        HttpResponse<String> refused = client.post(path + "/web", Map.of("_csrf", csrf, "label", "www",
                "target", "javascript:alert(1)", "type", "PERMANENT", "status", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-code=\"invalid-target\"")
                .contains("Das Ziel muss eine http://- oder https://-Adresse").contains("javascript:alert(1)");
        HttpResponse<String> saved = client.post(path + "/web", Map.of("_csrf", csrf, "label", "www",
                "target", "https://example.org/", "type", "TEMPORARY", "status", "307", "keepPath", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(get("www." + name.ascii(), "/x").headers().firstValue("Location"))
                .hasValue("https://example.org/x");
        HttpResponse<String> aliased = client.post(path + "/mail", Map.of("_csrf", csrf, "localPart", "*",
                "targets", "one@example.org, two@example.org"));
        assertThat(aliased.statusCode()).isEqualTo(303);
        String shown = client.page(path).body();
        assertThat(shown).contains("data-host=\"www." + name.ascii() + "\"").contains("data-alias=\"@" + name.ascii()
                + "\"").contains("one@example.org, two@example.org");
        assertThat(client.post(path + "/web/delete", Map.of("_csrf", csrf, "label", "www")).statusCode())
                .isEqualTo(303);
        assertThat(get("www." + name.ascii(), "/x").statusCode()).isNotEqualTo(307);

        // own nameservers with glue through the domain page
        HttpResponse<String> nameservers = client.post("/account/domains/" + name.ascii() + "/nameservers", Map.of(
                "_csrf", csrf, "nameservers", "ns1." + name.ascii() + "\nns.example.net", "glue",
                "ns1." + name.ascii() + " 192.0.2.53"));
        assertThat(nameservers.statusCode()).as(nameservers.body()).isEqualTo(303);
        String glue = demo.host.domainStore().jdbi().withHandle(h -> h.createQuery(
                "SELECT addresses FROM sandbox_registry_host WHERE name = :n").bind("n", "ns1." + name.ascii())
                .mapTo(String.class).one());
        assertThat(glue).contains("192.0.2.53");
        HttpResponse<String> noGlue = client.post("/account/domains/" + name.ascii() + "/nameservers", Map.of(
                "_csrf", csrf, "nameservers", "ns2." + name.ascii() + "\nns.example.net", "glue", ""));
        assertThat(noGlue.statusCode()).isEqualTo(422);
        assertThat(noGlue.body()).contains("braucht seine IP-Adressen (Glue): ns2." + name.ascii());

        // another customer's session gets the same 404 as for a domain that does not exist
        String otherId = "page-other-" + OrderingHost.suffix();
        demo.newReseller(otherId);
        org.kontor.it.browser.PageClient other = new org.kontor.it.browser.PageClient(demo.host.port());
        other.signIn(otherId + "@example.net", "other-reseller-password");
        assertThat(other.page(path).statusCode()).isEqualTo(404);
    }

    /** Answers every query with an authoritative SOA for the name asked. */
    private static void answerSoa(DatagramSocket socket) {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                Name asked = query.getQuestion().getName();
                answer.addRecord(query.getQuestion(), Section.QUESTION);
                answer.addRecord(new SOARecord(asked, org.xbill.DNS.DClass.IN, 3600, Name.fromString("ns1", asked),
                        Name.fromString("hostmaster", asked), 1, 3600, 600, 86400, 300), Section.ANSWER);
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
