package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.plugins.sandbox.Frames.command;

import java.time.Duration;
import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Transfers with auth codes and the redemption grace period (RFC 3915), on a clock the test moves. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxTransferRgpTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private Sandbox sandbox(Database database, String balance) {
        return Sandbox.registry(database, Money.of(balance, "DKK"), clock, r -> r);
    }

    private static String created(Sandbox sandbox, TestClient client, String label) {
        String contact = "t" + label + "-" + sandbox.suffix;
        client.xml(command(Frames.contactCreate(contact, "DK")));
        String domain = sandbox.domain(label, "test");
        assertThat(client.xml(command(Frames.domainCreate(domain, contact, null, "Transfer-Pw-1"))).code())
                .isEqualTo(1000);
        return domain;
    }

    private static Answer poll(TestClient client) {
        Answer message = client.xml(command("<poll op=\"req\"/>"));
        if (message.code() == 1301) {
            client.xml(command("<poll op=\"ack\" msgID=\"" + message.first("msgQ").getAttribute("id") + "\"/>"));
        }
        return message;
    }

    private static Answer lastTransferMessage(TestClient client) {
        Answer found = null;
        for (Answer m = poll(client); m.code() == 1301; m = poll(client)) {
            if (m.first("trnData") != null) {
                found = m;
            }
        }
        return found;
    }

    @DbTest
    void aTransferNeedsTheAuthCodeAndSixtyDaysIsApprovedByTheLosingRegistrarAndExtendsTheExpiry(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient losing = sandbox.loggedIn();
             TestClient gaining = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String domain = created(sandbox, losing, "tr");
            String expiry = losing.xml(command(Frames.simple("info", "domain", "name", domain))).text("exDate");

            assertThat(gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .as("not within 60 days of the registration").isEqualTo(2106);
            clock.advance(Duration.ofDays(61));
            assertThat(gaining.xml(command(Frames.transfer("request", domain, "wrong"))).code()).isEqualTo(2202);
            assertThat(losing.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .as("the sponsor cannot transfer to itself").isEqualTo(2106);

            Answer requested = gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1")));
            assertThat(requested.code()).isEqualTo(1001);
            assertThat(requested.text("trStatus")).isEqualTo("pending");
            assertThat(requested.text("reID")).isEqualTo(sandbox.otherRegistrar);
            assertThat(requested.text("acID")).isEqualTo(sandbox.registrar);
            assertThat(sandbox.registry.balance(sandbox.otherRegistrar))
                    .as("charged at the request").isEqualTo(Money.of("990.00", "DKK"));
            assertThat(losing.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("status", "s")).contains("pendingTransfer");
            assertThat(lastTransferMessage(losing).text("trStatus")).isEqualTo("pending");

            assertThat(losing.xml(command(Frames.transfer("query", domain, null))).text("trStatus"))
                    .isEqualTo("pending");
            assertThat(gaining.xml(command(Frames.transfer("approve", domain, null))).code())
                    .as("only the losing registrar approves").isEqualTo(2201);
            assertThat(losing.xml(command(Frames.transfer("cancel", domain, null))).code())
                    .as("only the gaining registrar cancels").isEqualTo(2201);

            Answer approved = losing.xml(command(Frames.transfer("approve", domain, null)));
            assertThat(approved.code()).isEqualTo(1000);
            assertThat(approved.text("trStatus")).isEqualTo("clientApproved");
            Answer info = gaining.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.text("clID")).isEqualTo(sandbox.otherRegistrar);
            assertThat(Instant.parse(info.text("exDate"))).isEqualTo(Instant.parse(expiry).atZone(
                    java.time.ZoneOffset.UTC).plusYears(1).toInstant());
            assertThat(info.text("trDate")).isNotNull();
            assertThat(lastTransferMessage(gaining).text("trStatus")).isEqualTo("clientApproved");
            assertThat(lastTransferMessage(losing).text("trStatus")).isEqualTo("clientApproved");
            assertThat(gaining.xml(command(Frames.transfer("approve", domain, null))).code()).isEqualTo(2301);
        }
    }

    @DbTest
    void aRejectedOrCancelledTransferIsRefundedAndAnUnansweredOneIsApprovedByTheRegistryAfterFiveDays(
            Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient losing = sandbox.loggedIn();
             TestClient gaining = sandbox.loggedIn(sandbox.otherRegistrar)) {
            String domain = created(sandbox, losing, "rj");
            clock.advance(Duration.ofDays(61));
            assertThat(gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .isEqualTo(1001);
            assertThat(losing.xml(command(Frames.transfer("reject", domain, null))).text("trStatus"))
                    .isEqualTo("clientRejected");
            assertThat(sandbox.registry.balance(sandbox.otherRegistrar)).isEqualTo(Money.of("1000.00", "DKK"));

            assertThat(gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .isEqualTo(1001);
            assertThat(gaining.xml(command(Frames.transfer("cancel", domain, null))).text("trStatus"))
                    .isEqualTo("clientCancelled");
            assertThat(sandbox.registry.balance(sandbox.otherRegistrar)).isEqualTo(Money.of("1000.00", "DKK"));

            assertThat(losing.xml(command(Frames.domainUpdate(domain,
                    "<domain:status s=\"clientTransferProhibited\"/>", null, null))).code()).isEqualTo(1000);
            assertThat(gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .isEqualTo(2304);
            losing.xml(command(Frames.domainUpdate(domain, null, "<domain:status s=\"clientTransferProhibited\"/>",
                    null)));

            assertThat(gaining.xml(command(Frames.transfer("request", domain, "Transfer-Pw-1"))).code())
                    .isEqualTo(1001);
            clock.advance(Duration.ofDays(5).plusSeconds(1));
            Answer query = gaining.xml(command(Frames.transfer("query", domain, null)));
            assertThat(query.text("trStatus")).isEqualTo("serverApproved");
            assertThat(sandbox.registry.find(domain).orElseThrow().registrar()).isEqualTo(sandbox.otherRegistrar);
            assertThat(lastTransferMessage(gaining).text("trStatus")).isEqualTo("serverApproved");
        }
    }

    @DbTest
    void aDeletedDomainIsRestoredWithRequestAndReportOrPurgedAfterRedemptionAndPendingDelete(Database database) {
        try (Sandbox sandbox = sandbox(database, "1000.00"); TestClient client = sandbox.loggedIn()) {
            String domain = created(sandbox, client, "rgp");
            assertThat(client.xml(command(Frames.simple("delete", "domain", "name", domain))).code()).isEqualTo(1000);
            Answer info = client.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.attributes("rgpStatus", "s")).containsExactly("redemptionPeriod");
            assertThat(info.attributes("status", "s")).contains("pendingDelete");
            assertThat(client.xml(command(Frames.simple("check", "domain", "name", domain)))
                    .attributes("name", "avail")).containsExactly("0");

            assertThat(client.xml(Frames.restore(domain, "report", true)).code())
                    .as("a report needs a request first").isEqualTo(2304);
            Answer requested = client.xml(Frames.restore(domain, "request", false));
            assertThat(requested.code()).isEqualTo(1000);
            assertThat(requested.attributes("rgpStatus", "s")).containsExactly("pendingRestore");
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("980.00", "DKK"));

            clock.advance(Duration.ofDays(7).plusSeconds(1));
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("rgpStatus", "s")).as("no report within 7 days").containsExactly("redemptionPeriod");
            client.xml(Frames.restore(domain, "request", false));
            assertThat(client.xml(Frames.restore(domain, "report", false)).code())
                    .as("a report without its data").isEqualTo(2003);
            assertThat(client.xml(Frames.restore(domain, "report", true)).code()).isEqualTo(1000);
            info = client.xml(command(Frames.simple("info", "domain", "name", domain)));
            assertThat(info.attributes("status", "s")).containsExactly("ok");
            assertThat(info.first("rgpStatus")).isNull();

            client.xml(command(Frames.simple("delete", "domain", "name", domain)));
            clock.advance(Duration.ofDays(30).plusSeconds(2));
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("rgpStatus", "s")).containsExactly("pendingDelete");
            assertThat(client.xml(Frames.restore(domain, "request", false)).code()).isEqualTo(2304);
            clock.advance(Duration.ofDays(5).plusSeconds(2));
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain))).code()).isEqualTo(2303);
        }
    }

    @DbTest
    void aRestoreTheBalanceDoesNotCoverIsABillingFailure(Database database) {
        try (Sandbox sandbox = sandbox(database, "10.00"); TestClient client = sandbox.loggedIn()) {
            String domain = created(sandbox, client, "poor");
            client.xml(command(Frames.simple("delete", "domain", "name", domain)));
            assertThat(client.xml(Frames.restore(domain, "request", false)).code()).isEqualTo(2104);
            assertThat(client.xml(command(Frames.simple("info", "domain", "name", domain)))
                    .attributes("rgpStatus", "s")).containsExactly("redemptionPeriod");
        }
    }
}
