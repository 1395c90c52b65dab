package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.DomainRenewData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

@DatabaseTest(plugins = "sandbox-registry")
class SandboxServerTest {

    private static DomainCreate create(String name) {
        return new DomainCreate(name, Period.years(1), NameServers.none(), "REG-1", List.of(), "auth-Secret-1");
    }

    private static LocalDate expiry(DomainInfoData info) {
        return LocalDate.ofInstant(info.expiryDate(), ZoneOffset.UTC);
    }

    @DbTest
    void aRegistrarWalksThroughTheWholeSession(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, Money.of("1000.00", "DKK"));
             TestClient client = sandbox.connect()) {
            Greeting greeting = client.greeting();
            assertThat(greeting.versions()).containsExactly("1.0");
            assertThat(greeting.languages()).containsExactly("en");
            assertThat(greeting.objectUris()).contains(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, EppNamespaces.HOST);
            assertThat(greeting.extensionUris()).contains(EppNamespaces.RGP, EppNamespaces.SEC_DNS, EppNamespaces.BALANCE);
            assertThat(client.hello().serverId()).isEqualTo(greeting.serverId());

            assertThat(client.login(sandbox.registrar, Sandbox.PASSWORD).code()).isEqualTo(1000);

            String free = sandbox.domain("free", "dk");
            String taken = sandbox.domain("taken", "dk");
            assertThat(client.send(create(taken)).code()).isEqualTo(1000);
            EppResponse check = client.send(DomainCheck.of(free, taken, "nowhere.example"));
            assertThat(check.data(DomainCheckData.class).orElseThrow().names())
                    .extracting(Availability::name, Availability::available)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(free, true),
                            org.assertj.core.groups.Tuple.tuple(taken, false),
                            org.assertj.core.groups.Tuple.tuple("nowhere.example", false));

            EppResponse created = client.send(create(free));
            assertThat(created.code()).isEqualTo(1000);
            DomainCreateData creData = created.data(DomainCreateData.class).orElseThrow();
            assertThat(creData.name()).isEqualTo(free);
            assertThat(creData.expiryDate()).isAfter(creData.createdAt());

            DomainInfoData info = client.send(DomainInfo.of(free)).data(DomainInfoData.class).orElseThrow();
            assertThat(info.name()).isEqualTo(free);
            assertThat(info.roid()).endsWith("-SANDBOX");
            assertThat(info.statuses()).containsExactly("ok");
            assertThat(info.clientId()).isEqualTo(sandbox.registrar);
            assertThat(info.authInfo()).isEqualTo("auth-Secret-1");
            assertThat(info.expiryDate()).isEqualTo(creData.expiryDate());

            EppResponse renewed = client.send(new DomainRenew(free, expiry(info), Period.years(2)));
            assertThat(renewed.code()).isEqualTo(1000);
            assertThat(LocalDate.ofInstant(renewed.data(DomainRenewData.class).orElseThrow().expiryDate(), ZoneOffset.UTC))
                    .isEqualTo(expiry(info).plusYears(2));
            assertThat(client.send(new DomainRenew(free, expiry(info), Period.years(1))).code())
                    .as("the old expiry date no longer matches").isEqualTo(2306);

            EppResponse first = client.send(new PollRequest());
            assertThat(first.code()).isEqualTo(1301);
            assertThat(first.messageQueue().count()).isEqualTo(2);
            assertThat(first.messageQueue().message()).contains(taken);
            assertThat(client.send(new PollAck(first.messageQueue().id())).code()).isEqualTo(1000);
            EppResponse second = client.send(new PollRequest());
            assertThat(second.messageQueue().message()).contains(free);
            assertThat(client.send(new PollAck(second.messageQueue().id())).code()).isEqualTo(1000);
            assertThat(client.send(new PollRequest()).code()).isEqualTo(1300);

            // two creates at 75.00 and two renewal years at 75.00
            BalanceData balance = client.send(new BalanceInfo()).data(BalanceData.class).orElseThrow();
            assertThat(balance.balance()).isEqualTo(Money.of("700.00", "DKK"));
            assertThat(balance.availableCredit()).isEqualTo(Money.of("700.00", "DKK"));

            assertThat(client.send(new DomainDelete(taken)).code()).isEqualTo(1000);
            assertThat(client.send(DomainInfo.of(taken)).data(DomainInfoData.class).orElseThrow().statuses())
                    .as("a deleted domain enters its redemption grace period").contains("pendingDelete");
            assertThat(sandbox.registry.find(taken)).isEmpty();

            EppResponse logout = client.send(new Logout());
            assertThat(logout.code()).isEqualTo(1500);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @DbTest
    void anotherRegistrarSeesTheDomainWithoutItsPasswordAndCannotRenewIt(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, Money.of("1000.00", "DKK"));
             TestClient owner = sandbox.loggedIn();
             TestClient other = sandbox.connect()) {
            String name = sandbox.domain("mine", "dk");
            assertThat(owner.send(create(name)).code()).isEqualTo(1000);
            assertThat(other.login(sandbox.otherRegistrar, Sandbox.PASSWORD).code()).isEqualTo(1000);
            DomainInfoData info = other.send(DomainInfo.of(name)).data(DomainInfoData.class).orElseThrow();
            assertThat(info.authInfo()).isNull();
            assertThat(other.send(new DomainRenew(name, expiry(info), Period.years(1))).code()).isEqualTo(2201);
        }
    }

    @DbTest
    void aCreateTheBalanceDoesNotCoverIsABillingFailureButARenewalIsAlwaysAllowed(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, Money.of("100.00", "DKK"));
             TestClient client = sandbox.loggedIn()) {
            String first = sandbox.domain("first", "dk");
            assertThat(client.send(create(first)).code()).isEqualTo(1000);

            EppResponse refused = client.send(create(sandbox.domain("second", "dk")));
            assertThat(refused.code()).isEqualTo(2104);
            assertThat(refused.result().message()).isEqualTo("Billing failure");
            assertThat(sandbox.registry.find(sandbox.domain("second", "dk"))).isEmpty();
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("25.00", "DKK"));

            DomainInfoData info = client.send(DomainInfo.of(first)).data(DomainInfoData.class).orElseThrow();
            assertThat(client.send(new DomainRenew(first, expiry(info), Period.years(1))).code()).isEqualTo(1000);
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("-50.00", "DKK"));
            BalanceData balance = client.send(new BalanceInfo()).data(BalanceData.class).orElseThrow();
            assertThat(balance.balance()).isEqualTo(Money.of("-50.00", "DKK"));
            assertThat(balance.availableCredit()).as("balance plus a credit limit of zero").isEqualTo(Money.of("-50.00", "DKK"));
        }
    }

    @DbTest
    void theSameCreateClTridIsAnsweredTheSameAndRegistersOnce(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, Money.of("1000.00", "DKK"));
             TestClient client = sandbox.loggedIn();
             TestClient again = sandbox.loggedIn()) {
            String name = sandbox.domain("once", "dk");
            EppResponse first = client.send(create(name), "create-once-" + sandbox.suffix);
            EppResponse second = again.send(create(name), "create-once-" + sandbox.suffix);

            assertThat(first.code()).isEqualTo(1000);
            assertThat(second).isEqualTo(first);
            assertThat(second.transactionId().serverTransactionId())
                    .isEqualTo(first.transactionId().serverTransactionId());
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("925.00", "DKK"));
            assertThat(client.send(create(name), "create-twice-" + sandbox.suffix).code())
                    .as("a new clTRID is a new command").isEqualTo(2302);
        }
    }

    @DbTest
    void theSameCreateClTridFromTwoSessionsAtOnceRegistersOnce(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, Money.of("1000.00", "DKK"));
             TestClient one = sandbox.loggedIn();
             TestClient two = sandbox.loggedIn()) {
            String name = sandbox.domain("race", "dk");
            String clTRID = "create-race-" + sandbox.suffix;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> one.send(create(name), clTRID));
                var second = pool.submit(() -> two.send(create(name), clTRID));
                EppResponse a = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
                EppResponse b = second.get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(a.code()).isEqualTo(1000);
                assertThat(b).isEqualTo(a);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("925.00", "DKK"));
        }
    }
}
