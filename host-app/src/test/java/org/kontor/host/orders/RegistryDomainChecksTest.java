package org.kontor.host.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.AuthCodeCheck;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.DomainChecks.TransferCheck;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A transfer's auth code is checked with the registry before the cart takes the transfer (ORD-6): against the real
 * sandbox registry over EPP and TLS through the demo wiring, and the mapping of every answer of
 * {@link DomainRegistry#verifyAuthCode}.
 */
@DatabaseTest
class RegistryDomainChecksTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final String CODE = "Kontor-Demo-Transfer-7";

    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void theCartTakesADemoTransferWithTheRightCodeOnlyAndNeverALockedDomain(Database database) throws Exception {
        host = start(database);
        CartOwner visitor = CartOwner.visitor("transfer-visitor-" + System.nanoTime());
        Carts carts = host.carts();

        OrderInputException wrong = catchThrowableOfType(OrderInputException.class, () -> carts.addDomain(visitor, DKK,
                new Carts.AddDomain(ItemKind.TRANSFER, "transfer-demo.example", 1, "Kontor-Demo-Transfer-8", null)));
        OrderInputException locked = catchThrowableOfType(OrderInputException.class, () -> carts.addDomain(visitor, DKK,
                new Carts.AddDomain(ItemKind.TRANSFER, "locked-demo.example", 1, "any-code-at-all", null)));
        CartView cart = carts.addDomain(visitor, DKK,
                new Carts.AddDomain(ItemKind.TRANSFER, "transfer-demo.example", 1, CODE, null));

        assertThat(wrong).as("a wrong code is refused").isNotNull();
        assertThat(wrong.errors()).extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("authCode", "auth-code-wrong"));
        assertThat(wrong.errors().get(0).message()).doesNotContain("Kontor-Demo-Transfer-8");
        assertThat(locked).as("a locked domain is refused").isNotNull();
        assertThat(locked.errors()).extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("domain", "not-transferable"));
        assertThat(locked.errors().get(0).message()).contains("serverTransferProhibited");
        assertThat(cart.items()).hasSize(1);
        CartItem item = cart.items().get(0).item();
        assertThat(item.kind()).isEqualTo(ItemKind.TRANSFER);
        assertThat(item.domain()).isEqualTo(DomainName.of("transfer-demo.example"));
    }

    @Test
    void everyAnswerOfTheRegistryMapsToTheCartsTransferCheck() {
        AtomicReference<AuthCodeCheck> answer = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<String> codeSeen = new AtomicReference<>();
        // only what the check uses; anything else asked of the registry fails the test
        DomainRegistry registry = (DomainRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DomainRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "registryId", "toString" -> "reg";
                    case "tlds" -> Set.of(Tld.of("example"));
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    case "verifyAuthCode" -> {
                        codeSeen.set((String) args[1]);
                        if (failure.get() != null) {
                            throw failure.get();
                        }
                        yield answer.get();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        RegistryDomainChecks checks = new RegistryDomainChecks(new ProvisioningTargets(
                new FakeExtensions().add("reg", DomainRegistry.class, registry)));
        DomainName name = DomainName.of("a.example");
        Map<AuthCodeCheck, TransferCheck.Answer> expected = Map.of(
                AuthCodeCheck.valid(), TransferCheck.Answer.ACCEPTED,
                AuthCodeCheck.UNSUPPORTED, TransferCheck.Answer.ACCEPTED,
                AuthCodeCheck.invalid("refused"), TransferCheck.Answer.WRONG_AUTH_CODE,
                AuthCodeCheck.notTransferable("locked"), TransferCheck.Answer.NOT_TRANSFERABLE,
                AuthCodeCheck.unknown("down"), TransferCheck.Answer.UNKNOWN);

        expected.forEach((check, mapped) -> {
            answer.set(check);
            assertThat(checks.transfer(name, "the-code").answer()).as(check.toString()).isEqualTo(mapped);
        });
        assertThat(codeSeen.get()).isEqualTo("the-code");
        answer.set(AuthCodeCheck.notTransferable("locked by the registry"));
        assertThat(checks.transfer(name, "x").reason()).isEqualTo("locked by the registry");
        failure.set(new IllegalStateException("connection reset"));
        assertThat(checks.transfer(name, "the-code").answer()).as("an exception").isEqualTo(TransferCheck.Answer.UNKNOWN);
        assertThat(checks.transfer(DomainName.of("a.nowhere"), "the-code").answer()).as("no registry")
                .isEqualTo(TransferCheck.Answer.UNKNOWN);
    }

    private KontorHost start(Database database) throws IOException {
        Path data = Files.createTempDirectory("kontor-transfer-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), "epp-registry", "sandbox-registry");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        KontorConfig config = new ConfigLoader(environment, new Properties()).load(null, false);
        KontorHost started = KontorHost.start(config, Clock.systemUTC());
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        new DemoData(started, port).load();
        return started;
    }

}
