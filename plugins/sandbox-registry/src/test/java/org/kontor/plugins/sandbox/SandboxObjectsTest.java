package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.plugins.sandbox.Frames.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Contacts, hosts, references and domain updates in the generic profile (the {@code test} TLD). */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxObjectsTest {

    private static Sandbox sandbox(Database database) {
        return Sandbox.registry(database, Money.of("1000.00", "DKK"), Clock.systemUTC(), r -> r);
    }

    @DbTest
    void contactsAreCreatedWithTheClientsIdCheckedReadUpdatedAndDeleted(Database database) {
        try (Sandbox sandbox = sandbox(database); TestClient client = sandbox.loggedIn();
             TestClient other = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String id = "c1-" + sandbox.suffix;
            Answer created = client.xml(command(Frames.contactCreate(id, "DK")));
            assertThat(created.code()).isEqualTo(1000);
            assertThat(created.text("id")).isEqualTo(id);
            assertThat(client.xml(command(Frames.contactCreate(id, "DK"))).code()).isEqualTo(2302);

            Answer check = client.xml(command(Frames.simple("check", "contact", "id", id)));
            assertThat(check.attributes("id", "avail")).containsExactly("0");

            Answer info = client.xml(command(Frames.simple("info", "contact", "id", id)));
            assertThat(info.text("name")).isEqualTo("Jane Doe");
            assertThat(info.text("pw")).isEqualTo("Contact-Pw-1");
            assertThat(other.xml(command(Frames.simple("info", "contact", "id", id))).text("pw"))
                    .as("the password is the sponsor's to see").isNull();

            String update = "<update><contact:update " + Frames.CONTACT + "><contact:id>" + id + "</contact:id>"
                    + "<contact:add><contact:status s=\"clientDeleteProhibited\"/></contact:add>"
                    + "<contact:chg><contact:email>new@example.test</contact:email></contact:chg>"
                    + "</contact:update></update>";
            assertThat(other.xml(command(update)).code()).isEqualTo(2201);
            assertThat(client.xml(command(update)).code()).isEqualTo(1000);
            info = client.xml(command(Frames.simple("info", "contact", "id", id)));
            assertThat(info.text("email")).isEqualTo("new@example.test");
            assertThat(info.attributes("status", "s")).contains("clientDeleteProhibited");
            assertThat(client.xml(command(Frames.simple("delete", "contact", "id", id))).code()).isEqualTo(2304);
            client.xml(command(update.replace("contact:add", "contact:rem").replace(
                    "<contact:chg><contact:email>new@example.test</contact:email></contact:chg>", "")));
            assertThat(client.xml(command(Frames.simple("delete", "contact", "id", id))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.simple("info", "contact", "id", id))).code()).isEqualTo(2303);
        }
    }

    @DbTest
    void hostsNeedGlueOnlyInsideASandboxDomainOfTheirRegistrarAndCannotBeDeletedWhileInUse(Database database) {
        try (Sandbox sandbox = sandbox(database); TestClient client = sandbox.loggedIn();
             TestClient other = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String domain = sandbox.domain("hosts", "test");
            String contact = "c2-" + sandbox.suffix;
            String external = "ns1.provider-" + sandbox.suffix + ".net";
            assertThat(client.xml(command(Frames.contactCreate(contact, "DK"))).code()).isEqualTo(1000);

            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain, "192.0.2.1"))).code())
                    .as("the superordinate domain does not exist").isEqualTo(2303);
            assertThat(client.xml(command(Frames.domainCreate(domain, contact, contact, "Domain-Pw-1", external)))
                    .code()).as("the name server does not exist").isEqualTo(2303);
            assertThat(client.xml(command(Frames.domainCreate(domain, "nobody-" + sandbox.suffix, null,
                    "Domain-Pw-1"))).code()).as("the registrant does not exist").isEqualTo(2303);
            assertThat(client.xml(command(Frames.hostCreate(external, "192.0.2.9"))).code())
                    .as("no glue outside the sandbox's domains").isEqualTo(2306);
            assertThat(client.xml(command(Frames.hostCreate(external))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.domainCreate(domain, contact, contact, "Domain-Pw-1", external)))
                    .code()).isEqualTo(1000);

            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain))).code())
                    .as("glue is required inside a sandbox domain").isEqualTo(2003);
            assertThat(other.xml(command(Frames.hostCreate("ns1." + domain, "192.0.2.1"))).code())
                    .as("the domain is another registrar's").isEqualTo(2201);
            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain, "192.0.2.1", "2001:db8::1"))).code())
                    .isEqualTo(1000);
            Answer host = client.xml(command(Frames.simple("info", "host", "name", "ns1." + domain)));
            assertThat(host.texts("addr")).containsExactly("192.0.2.1", "2001:db8::1");
            assertThat(client.xml(command(Frames.simple("check", "host", "name", "ns1." + domain)))
                    .attributes("name", "avail")).containsExactly("0");

            assertThat(client.xml(command(Frames.simple("delete", "host", "name", external))).code())
                    .as("in use by the domain").isEqualTo(2305);
            assertThat(client.xml(command(Frames.simple("info", "host", "name", external)))
                    .attributes("status", "s")).contains("linked");
            assertThat(client.xml(command(Frames.simple("delete", "contact", "id", contact))).code())
                    .as("the contact is linked").isEqualTo(2305);
            assertThat(client.xml(command(Frames.simple("delete", "domain", "name", domain))).code())
                    .as("a host lives inside the domain").isEqualTo(2305);

            Answer info = client.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.text("registrant")).isEqualTo(contact);
            assertThat(info.texts("hostObj")).containsExactly(external);
            assertThat(info.texts("host")).containsExactly("ns1." + domain);
        }
    }

    @DbTest
    void aDomainUpdateChangesNameServersContactsStatusesRegistrantAndPasswordUnderRfc5731Rules(Database database) {
        try (Sandbox sandbox = sandbox(database); TestClient client = sandbox.loggedIn()) {
            String domain = sandbox.domain("upd", "test");
            String a = "ca-" + sandbox.suffix;
            String b = "cb-" + sandbox.suffix;
            String ns1 = "ns1.dns-" + sandbox.suffix + ".net";
            String ns2 = "ns2.dns-" + sandbox.suffix + ".net";
            client.xml(command(Frames.contactCreate(a, "DK")));
            client.xml(command(Frames.contactCreate(b, "SE")));
            client.xml(command(Frames.hostCreate(ns1)));
            client.xml(command(Frames.hostCreate(ns2)));
            assertThat(client.xml(command(Frames.domainCreate(domain, a, a, "Domain-Pw-1", ns1))).code())
                    .isEqualTo(1000);

            String update = Frames.domainUpdate(domain,
                    "<domain:ns><domain:hostObj>" + ns2 + "</domain:hostObj></domain:ns>"
                            + "<domain:contact type=\"tech\">" + b + "</domain:contact>"
                            + "<domain:status s=\"clientUpdateProhibited\"/>",
                    "<domain:ns><domain:hostObj>" + ns1 + "</domain:hostObj></domain:ns>"
                            + "<domain:contact type=\"admin\">" + a + "</domain:contact>",
                    "<domain:registrant>" + b + "</domain:registrant>"
                            + "<domain:authInfo><domain:pw>Other-Pw-2</domain:pw></domain:authInfo>");
            assertThat(client.xml(command(update)).code()).isEqualTo(1000);
            Answer info = client.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.texts("hostObj")).containsExactly(ns2);
            assertThat(info.text("registrant")).isEqualTo(b);
            assertThat(info.texts("contact")).containsExactly(b);
            assertThat(info.attributes("status", "s")).containsExactly("clientUpdateProhibited");
            assertThat(info.text("pw")).isEqualTo("Other-Pw-2");

            assertThat(client.xml(command(Frames.domainUpdate(domain, null, null,
                    "<domain:registrant>" + a + "</domain:registrant>"))).code())
                    .as("clientUpdateProhibited").isEqualTo(2304);
            assertThat(client.xml(command(Frames.domainUpdate(domain, "<domain:status s=\"serverHold\"/>", null,
                    null))).code()).as("still locked").isEqualTo(2304);
            assertThat(client.xml(command(Frames.domainUpdate(domain, null,
                    "<domain:status s=\"clientUpdateProhibited\"/>", null))).code())
                    .as("removing the lock is allowed").isEqualTo(1000);
            assertThat(client.xml(command(Frames.domainUpdate(domain, "<domain:status s=\"serverHold\"/>", null,
                    null))).code()).as("only client statuses").isEqualTo(2306);
            assertThat(client.xml(command(Frames.domainUpdate(domain,
                    "<domain:ns><domain:hostObj>ns9.nowhere-" + sandbox.suffix + ".net</domain:hostObj></domain:ns>",
                    null, null))).code()).isEqualTo(2303);
            assertThat(client.xml(command(Frames.domainUpdate(domain, "<domain:status s=\"clientDeleteProhibited\"/>",
                    null, null))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.simple("delete", "domain", "name", domain))).code()).isEqualTo(2304);
            assertThat(client.xml(command(Frames.simple("delete", "host", "name", ns2))).code()).isEqualTo(2305);
        }
    }

    @DbTest
    void everyGenericAnswerValidatesAgainstTheIetfSchemas(Database database) {
        // TestClient validates each frame against the dkhm set and, when it holds no dkhm or balance element,
        // against the IETF set as well; this walks a few answers with resData through it
        try (Sandbox sandbox = Sandbox.registry(database, Money.of("1000.00", "DKK"),
                new MutableClock(Instant.parse("2026-03-01T10:00:00Z")), r -> r);
             TestClient client = sandbox.loggedIn()) {
            String id = "cv-" + sandbox.suffix;
            assertThat(client.xml(command(Frames.contactCreate(id, "SE"))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.simple("info", "contact", "id", id))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.domainCreate(sandbox.domain("v", "test"), id, null, "Pw-123456")))
                    .code()).isEqualTo(1000);
            assertThat(Duration.ZERO).isZero();
        }
    }
}
