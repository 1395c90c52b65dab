package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.plugins.sandbox.Frames.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The .dk profile, driven with the registry's own example frames where they apply. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxDkProfileTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private Sandbox sandbox(Database database, String balance) {
        return Sandbox.registry(database, Money.of(balance, "DKK"), clock,
                r -> r.withDkDecisionDelay(Duration.ofMinutes(10)).withCredit(new BigDecimal("500.00"),
                        new BigDecimal("100.00")));
    }

    /** An example frame of the .dk registry from epp-registry's test resources. */
    private static String example(String file) {
        try (InputStream in = SandboxDkProfileTest.class.getResourceAsStream("/epp/xml/dkhm/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token() {
        return Long.toString(Instant.parse("2026-03-01T09:00:00Z").getEpochSecond());
    }

    private String registrant(TestClient client) {
        Answer created = client.xml(example("create_contact_verification.xml"));
        assertThat(created.code()).isEqualTo(1000);
        return created.text("id");
    }

    private static String create(String example, String domain, String registrant, String token) {
        return example.replace("dk-hostmaster-test-906.dk", domain).replace("USER1-DK", registrant)
                .replace(">testtoken<", ">" + token + "<")
                .replace("<domain:ns>\n          <domain:hostObj>ns1.dk-hostmaster.dk</domain:hostObj>\n"
                        + "          <domain:hostObj>ns2.dk-hostmaster.dk</domain:hostObj>\n        </domain:ns>", "");
    }

    @DbTest
    void theGreetingAnnouncesDkhmAndTheBalanceShowsAllFourFigures(Database database) {
        try (Sandbox sandbox = sandbox(database, "235.34"); TestClient client = sandbox.loggedIn()) {
            assertThat(client.greeting().extensionUris()).contains("urn:dkhm:params:xml:ns:dkhm-4.5",
                    "urn:dkhm:params:xml:ns:dkhm-4.4", "urn:dkhm:params:xml:ns:dkhm-domain-4.4");
            Answer balance = client.xml(example("balance_request.xml"));
            assertThat(balance.text("creditLimit")).isEqualTo("500.00");
            assertThat(balance.text("balance")).isEqualTo("235.34");
            assertThat(balance.text("availableCredit")).isEqualTo("735.34");
            assertThat(balance.text("fixed")).isEqualTo("100.00");
        }
    }

    @DbTest
    void contactsGetAServerChosenIdWithAutoAndTheDkhmFieldsAreChecked(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String id = registrant(client);
            assertThat(id).endsWith("-DK");
            assertThat(registrant(client)).as("auto reuses an exact match").isEqualTo(id);
            String company = Frames.contactCreate("auto", "DK").replace("Jane Doe", "Firma ApS");
            assertThat(client.xml(command(company, "<dkhm:userType " + Frames.DKHM + ">company</dkhm:userType>",
                    "tx-c1")).code()).as("a Danish company needs its CVR").isEqualTo(2003);
            assertThat(client.xml(command(company, "<dkhm:userType " + Frames.DKHM + ">company</dkhm:userType>"
                    + "<dkhm:CVR " + Frames.DKHM + ">1234</dkhm:CVR>", "tx-c2")).code()).isEqualTo(2005);
            assertThat(client.xml(command(company, "<dkhm:userType " + Frames.DKHM + ">individual</dkhm:userType>"
                    + "<dkhm:CVR " + Frames.DKHM + ">24210375</dkhm:CVR>", "tx-c3")).code())
                    .as("no CVR for individuals").isEqualTo(2306);
            Answer created = client.xml(command(company, "<dkhm:userType " + Frames.DKHM + ">company</dkhm:userType>"
                    + "<dkhm:CVR " + Frames.DKHM + ">24210375</dkhm:CVR><dkhm:EAN " + Frames.DKHM
                    + ">5798009780690</dkhm:EAN><dkhm:pnumber " + Frames.DKHM + ">1006410698</dkhm:pnumber>"
                    + "<dkhm:mobilephone " + Frames.DKHM + ">+45.51270675</dkhm:mobilephone><dkhm:secondaryEmail "
                    + Frames.DKHM + ">email@eksempel.dk</dkhm:secondaryEmail>", "tx-c4"));
            assertThat(created.code()).isEqualTo(1000);
            Answer info = client.xml(command(Frames.simple("info", "contact", "id", created.text("id"))));
            assertThat(info.text("userType")).isEqualTo("company");
            assertThat(info.text("CVR")).isEqualTo("24210375");
            assertThat(info.text("EAN")).isEqualTo("5798009780690");
            assertThat(info.text("pnumber")).isEqualTo("1006410698");
            assertThat(info.text("mobilephone")).isEqualTo("+45.51270675");
            assertThat(info.text("secondaryEmail")).isEqualTo("email@eksempel.dk");
            assertThat(client.xml(command(Frames.simple("delete", "contact", "id", id))).code())
                    .as("the .dk registry does not delete contacts").isEqualTo(2101);
        }
    }

    @DbTest
    void aCreateIsPendingThenDecidedThroughThePollQueueWithPaTridOfTheCreate(Database database) {
        try (Sandbox sandbox = sandbox(database, "100.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String example = example("create_domain_with_orderconfirmation_token.xml");
            String domain = sandbox.domain("async", "dk");
            assertThat(client.xml(create(example, domain, registrant, "testtoken").replace(
                    "92724843f12a3e958588679551aa988d", "tx-bad")).code())
                    .as("the example's token is not an epoch time").isEqualTo(2005);
            assertThat(client.xml(create(example, domain, registrant, "99999999999").replace(
                    "92724843f12a3e958588679551aa988d", "tx-far")).code()).isEqualTo(2004);

            Answer pending = client.xml(create(example, domain, registrant, token()));
            assertThat(pending.code()).isEqualTo(1001);
            String trackingNo = pending.text("trackingNo");
            assertThat(trackingNo).startsWith("20260301");
            assertThat(pending.text("svTRID")).endsWith("-" + trackingNo);
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("status", "s")).contains("pendingCreate");

            assertThat(sandbox.registry.decide(domain, true)).isTrue();
            Answer message = client.xml(command("<poll op=\"req\"/>"));
            assertThat(message.code()).isEqualTo(1301);
            assertThat(message.first("name").getAttribute("paResult")).isEqualTo("1");
            assertThat(message.text("clTRID")).isEqualTo("92724843f12a3e958588679551aa988d");
            assertThat(message.text("risk_assessment")).isEqualTo("GREEN");
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("status", "s")).containsExactly("ok");
        }
    }

    @DbTest
    void aRefusedCreateIsRefundedAndAnUndecidedOneIsDecidedAfterTheDelay(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String example = example("create_domain_with_orderconfirmation_token.xml");
            String refused = sandbox.domain("reject", "dk");
            assertThat(client.xml(create(example, refused, registrant, token()).replace(
                    "92724843f12a3e958588679551aa988d", "tx-r")).code()).isEqualTo(1001);
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("925.00", "DKK"));
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            sandbox.registry.processDue();
            Answer message = client.xml(command("<poll op=\"req\"/>"));
            assertThat(message.first("name").getAttribute("paResult")).isEqualTo("0");
            assertThat(message.text("clTRID")).isEqualTo("tx-r");
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("1000.00", "DKK"));
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", refused))).code()).isEqualTo(2303);
        }
    }

    @DbTest
    void aCreateBeyondBalanceAndCreditIsABillingFailure(Database database) {
        try (Sandbox sandbox = sandbox(database, "-450.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            Answer refused = client.xml(create(example("create_domain_with_orderconfirmation_token.xml"),
                    sandbox.domain("short", "dk"), registrant, token()));
            assertThat(refused.code()).as("75.00 against 50.00 of credit").isEqualTo(2104);
        }
    }

    @DbTest
    void infoTakesNoAuthIdAndShowsAnotherRegistrarNeitherTheTokenNorA2202(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient owner = sandbox.loggedIn();
             TestClient other = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String registrant = registrant(owner);
            String domain = sandbox.domain("noinfo", "dk");
            owner.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));
            sandbox.registry.decidePendingCreates();
            assertThat(owner.xml(example("update_domain_set_authid.xml").replace("example.com", domain)).code())
                    .isEqualTo(1000);
            String token = owner.xml(example("info_domain.xml").replace("example.com", domain)).text("authInfo");
            String withCode = "<domain:name>" + domain + "</domain:name><domain:authInfo><domain:pw>%s</domain:pw>"
                    + "</domain:authInfo>";

            Answer right = other.xml(example("info_domain.xml").replace("<domain:name hosts=\"all\">example.com</domain:name>",
                    withCode.formatted(token)));
            Answer wrong = other.xml(example("info_domain.xml").replace("<domain:name hosts=\"all\">example.com</domain:name>",
                    withCode.formatted("REG-TRANSFER-00000000000000000000000000000000")));

            assertThat(right.code()).isEqualTo(1000);
            assertThat(right.first("authInfo")).as(right.toString()).isNull();
            assertThat(wrong.code()).as("the .dk registry answers info with 1000 or 2303 only").isEqualTo(1000);
        }
    }

    @DbTest
    void anAuthIdIsSetAndUnsetByKeywordAndTransfersTheDomainAtOnce(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient owner = sandbox.loggedIn();
             TestClient gaining = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String registrant = registrant(owner);
            String domain = sandbox.domain("authid", "dk");
            owner.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));
            sandbox.registry.decidePendingCreates();

            assertThat(owner.xml(example("update_domain_set_authid.xml").replace("example.com", domain)).code())
                    .isEqualTo(1000);
            Answer info = owner.xml(example("info_domain.xml").replace("example.com", domain));
            String authId = info.text("authInfo");
            assertThat(authId).as(info.toString()).isNotNull();
            assertThat(authId).startsWith("REG-TRANSFER-");
            assertThat(info.first("authInfo").getAttribute("op")).isEqualTo("transfer");
            assertThat(info.text("autoRenew")).isEqualTo("true");

            assertThat(owner.xml(example("update_domain_unset_authid.xml").replace("example.com", domain)
                    .replace("ABC-12345", "tx-unset")).code())
                    .isEqualTo(1000);
            assertThat(gaining.xml(command(Frames.transfer("request", domain, authId))).code())
                    .as("the auth id was unset").isEqualTo(2202);

            owner.xml(command(Frames.domainUpdate(domain, null, null,
                    "<domain:authInfo><domain:pw>autotransfer</domain:pw></domain:authInfo>")));
            String fresh = owner.xml(command(Frames.simple("info", "domain", "name", domain))).text("authInfo");
            Answer moved = gaining.xml(command(Frames.transfer("request", domain, fresh)));
            assertThat(moved.code()).isEqualTo(1000);
            assertThat(moved.text("trStatus")).isEqualTo("clientApproved");
            assertThat(sandbox.registry.find(domain).orElseThrow().registrar()).isEqualTo(sandbox.otherRegistrar);
        }
    }

    @DbTest
    void aRegistrantChangeNeedsTheOrderConfirmationTokenAndWithdrawIsGone(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String domain = sandbox.domain("chg", "dk");
            client.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));
            sandbox.registry.decidePendingCreates();
            String change = example("update_domain_change_registrant.xml").replace("example.com", domain)
                    .replace("sh8013", registrant).replace("<domain:authInfo>\n            <domain:pw>2BARfoo"
                            + "</domain:pw>\n          </domain:authInfo>", "");
            assertThat(client.xml(change).code()).isEqualTo(2003);
            assertThat(client.xml(change.replace("ABC-12345", "tx-with-token").replace("</update>", "</update><extension><dkhm:orderconfirmationToken "
                    + Frames.DKHM + ">" + token() + "</dkhm:orderconfirmationToken></extension>")).code())
                    .isEqualTo(1000);
            assertThat(client.xml(example("withdraw_domain_dkhm.xml").replace("eksempel.dk", domain)).code())
                    .as("withdraw was removed in 5.3.0").isEqualTo(2101);

            client.xml(command(Frames.simple("delete", "domain", "name", domain)));
            assertThat(client.xml(Frames.restore(domain, "request", false)).code())
                    .as("the .dk registry has no restore request").isEqualTo(2101);
            assertThat(client.xml(Frames.restore(domain, "report", true, "2026-03-01T10:00:00.0Z")).code())
                    .isEqualTo(1000);
        }
    }

    /** The specification's restore example: the report as an acknowledgement, its texts empty, one statement. */
    @DbTest
    void aDeleteIsPendingAndTheSpecificationsEmptyRestoreReportRestores(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String domain = sandbox.domain("restore", "dk");
            client.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));
            sandbox.registry.decidePendingCreates();
            assertThat(client.xml(command(Frames.simple("delete", "domain", "name", domain))).code())
                    .as("delete domain response: 1001").isEqualTo(1001);
            String report = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><update><domain:update "
                    + "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>" + domain + "</domain:name>"
                    + "<domain:add/><domain:rem/><domain:chg/></domain:update></update><extension><rgp:update "
                    + "xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\"><rgp:restore op=\"report\"><rgp:report>"
                    + "<rgp:preData/><rgp:postData/><rgp:delTime>TIME</rgp:delTime><rgp:resTime>TIME</rgp:resTime>"
                    + "<rgp:resReason/><rgp:statement/></rgp:report></rgp:restore></rgp:update></extension>"
                    + "<clTRID>CLTRID</clTRID></command></epp>";
            assertThat(client.xml(report.replace("TIME", "").replace("CLTRID", "tx-no-times")).code())
                    .as("delTime and resTime are mandatory").isEqualTo(2003);
            assertThat(client.xml(report.replace("TIME", "2026-03-01T10:00:00.0Z").replace("CLTRID", "tx-ack")).code())
                    .isEqualTo(1000);
            assertThat(sandbox.registry.find(domain)).isPresent();
        }
    }

    @DbTest
    void theRestoreReportsDelTimeMustBeTheDeletionTime(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String domain = sandbox.domain("deltime", "dk");
            client.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));
            sandbox.registry.decidePendingCreates();
            assertThat(client.xml(command(Frames.simple("delete", "domain", "name", domain))).code()).isEqualTo(1001);
            clock.advance(Duration.ofDays(3));

            Answer info = client.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.text("upDate")).as("info dates the deletion").startsWith("2026-03-01T10:00:00");
            Answer now = client.xml(Frames.restore(domain, "report", true, "2026-03-04T10:00:00.0Z"));
            assertThat(now.code()).as("the restore's own time is not the deletion time").isEqualTo(2306);
            assertThat(client.xml(Frames.restore(domain, "report", true, "not-a-time")).code()).isEqualTo(2005);
            assertThat(sandbox.registry.find(domain)).as("still deleted").isEmpty();
            assertThat(client.xml(Frames.restore(domain, "report", true, "2026-03-01T11:00:00+01:00")).code())
                    .as("the deletion time, in any offset").isEqualTo(1000);
            assertThat(sandbox.registry.find(domain)).isPresent();
        }
    }

    @DbTest
    void autoRenewIsSetOnCreateChangedByUpdateAndShownByInfo(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String domain = sandbox.domain("renewal", "dk");
            String renewOff = "<dkhm:autoRenew " + Frames.DKHM + ">false</dkhm:autoRenew>";
            assertThat(client.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant,
                    token()).replace("</dkhm:orderconfirmationToken>", "</dkhm:orderconfirmationToken>" + renewOff))
                    .code()).isEqualTo(1001);
            sandbox.registry.decidePendingCreates();
            String info = command(Frames.simple("info", "domain", "name", domain));
            assertThat(client.xml(info).text("autoRenew")).isEqualTo("false");

            assertThat(client.xml(command(Frames.domainUpdate(domain, null, null, ""),
                    "<dkhm:autoRenew " + Frames.DKHM + ">true</dkhm:autoRenew>", "tx-renew-on")).code())
                    .isEqualTo(1000);
            assertThat(client.xml(info).text("autoRenew")).isEqualTo("true");
            assertThat(client.xml(command(Frames.domainUpdate(domain, null, null, ""),
                    "<dkhm:autoRenew " + Frames.DKHM + ">maybe</dkhm:autoRenew>", "tx-renew-bad")).code())
                    .as("true or false only").isEqualTo(2005);
            assertThat(client.xml(command(Frames.domainUpdate(domain, null, null, "<domain:authInfo><domain:pw>"
                    + "autotransfer</domain:pw></domain:authInfo>"))).code()).isEqualTo(1000);
            assertThat(client.xml(info).text("autoRenew")).as("an update without it leaves it").isEqualTo("true");
        }
    }

    @DbTest
    void aHostInsideADomainWhoseCreateIsUndecidedIsRefused(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String registrant = registrant(client);
            String domain = sandbox.domain("glue", "dk");
            client.xml(create(example("create_domain_with_orderconfirmation_token.xml"), domain, registrant, token()));

            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain, "192.0.2.2"))).code())
                    .as("the domain is not registered yet").isEqualTo(2303);
            sandbox.registry.decidePendingCreates();
            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain))).code())
                    .as("glue addresses are required inside the domain").isEqualTo(2003);
            assertThat(client.xml(command(Frames.hostCreate("ns1." + domain, "192.0.2.2"))).code()).isEqualTo(1000);
            assertThat(client.xml(command(Frames.domainUpdate(domain, "<domain:ns><domain:hostObj>ns1." + domain
                    + "</domain:hostObj></domain:ns>", null, null))).code()).isEqualTo(1000);
        }
    }
}
