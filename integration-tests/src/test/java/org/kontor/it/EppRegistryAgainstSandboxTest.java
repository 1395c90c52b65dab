package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.database.Database;
import org.kontor.plugins.epp.registry.EppRegistryExtension;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.epp.registry.EppRegistrySettingsSchema;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The epp-registry plugin's DomainRegistry against the sandbox EPP server over TLS, on both databases. */
@DatabaseTest(plugins = "sandbox-registry")
class EppRegistryAgainstSandboxTest {

    private final Clock clock = Clock.systemUTC();

    @DbTest
    void aRegistrarChecksRegistersRenewsAndPollsThroughTheGenericProfile(Database db) {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            DomainName name = DomainName.of(sandbox.domain("first"));
            DomainName other = DomainName.of(sandbox.domain("second"));
            assertThat(registry.registryId()).isEqualTo("sandbox");
            assertThat(registry.check(List.of(name, other)))
                    .containsExactly(DomainAvailability.available(name), DomainAvailability.available(other));

            IdempotencyKey key = IdempotencyKey.of("create-" + name.ascii());
            Outcome<DomainRegistration> created = registry.register(register(key, name));

            assertThat(created.status()).isEqualTo(OutcomeStatus.PROCESSED);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate expiry = LocalDate.ofInstant(created.value().expiresAt(), ZoneOffset.UTC);
            assertThat(expiry).isEqualTo(today.plusYears(1));
            assertThat(registry.check(List.of(name)).get(0).available()).isFalse();

            DomainInfo info = registry.info(name).orElseThrow();
            assertThat(info.sponsor()).isEqualTo(sandbox.registrar);
            assertThat(info.expiresAt()).isEqualTo(created.value().expiresAt());

            Outcome<DomainRegistration> renewed = registry.renew(RenewDomain.of(IdempotencyKey.of("renew-" + name.ascii()),
                    name, expiry, Period.years(1)));
            assertThat(renewed.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(renewed.value().expiresAt()).isEqualTo(
                    ZonedDateTime.ofInstant(created.value().expiresAt(), ZoneOffset.UTC).plusYears(1).toInstant());
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("850.00", "DKK"));
            assertThat(registry.balance()).contains(Money.of("850.00", "DKK"));

            RegistryMessage message = registry.poll().orElseThrow();
            assertThat(message.kind()).isEqualTo("message");
            assertThat(message.text()).contains(name.ascii()).contains("created");
            registry.acknowledge(message.id());
            registry.acknowledge(message.id()); // a re-acknowledgement is harmless
            assertThat(registry.poll()).isEmpty();

            Outcome<DomainRegistration> done = registry.status(key, name);
            assertThat(done.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(done.value().expiresAt()).isEqualTo(renewed.value().expiresAt());
            assertThat(registry.status(IdempotencyKey.of("create-" + other.ascii()), other).status())
                    .isEqualTo(OutcomeStatus.CANCELED);
        }
    }

    @DbTest
    void aShortRegistrarBalanceAtTheRegistryIsAnErrorWith2104(Database db) {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("10.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            DomainName name = DomainName.of(sandbox.domain("short"));

            Outcome<DomainRegistration> refused = registry.register(register(IdempotencyKey.of("create-" + name.ascii()), name));

            assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(refused.code()).isEqualTo("2104");
            assertThat(sandbox.registry.find(name.ascii())).isEmpty();
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("10.00", "DKK"));
        }
    }

    @DbTest
    void aDomainOfAnotherRegistrarIsAnErrorForTheJanitorAndAnUnreachableRegistryUndefined(Database db) {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"))) {
            Map<String, String> asOther = new HashMap<>(sandbox.settings);
            asOther.put(EppRegistrySettings.CLIENT_ID, "oth" + sandbox.tag);
            DomainName name = DomainName.of(sandbox.domain("theirs"));
            IdempotencyKey key = IdempotencyKey.of("create-" + name.ascii());
            try (EppRegistryExtension other = new EppRegistryExtension(EppSandbox.context(db, clock, asOther));
                 EppRegistryExtension ours = sandbox.extension(db, clock)) {
                assertThat(other.register(register(key, name)).status()).isEqualTo(OutcomeStatus.PROCESSED);

                assertThat(ours.status(key, name).status()).isEqualTo(OutcomeStatus.ERROR);
            }
            Map<String, String> unreachable = new HashMap<>(sandbox.settings);
            unreachable.put(EppRegistrySettings.PORT, "1");
            try (EppRegistryExtension nowhere = new EppRegistryExtension(EppSandbox.context(db, clock, unreachable))) {
                assertThat(nowhere.status(key, name).status()).isEqualTo(OutcomeStatus.UNDEFINED);
            }
        }
    }

    @DbTest
    void theConnectionTestLogsInWithTheSettingsAndReportsAWrongPassword(Database db) {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"))) {
            EppRegistrySettingsSchema schema = new EppRegistrySettingsSchema(clock);
            Map<String, String> wrong = new HashMap<>(sandbox.settings);
            wrong.put(EppRegistrySettings.PASSWORD, "Not-The-Password-1");

            ConnectionTestResult good = schema.testConnection(EppSandbox.context(db, clock, sandbox.settings).settings());
            ConnectionTestResult bad = schema.testConnection(EppSandbox.context(db, clock, wrong).settings());

            assertThat(good.succeeded()).as(good.message()).isTrue();
            assertThat(bad.succeeded()).isFalse();
            assertThat(bad.message()).doesNotContain("Not-The-Password-1").doesNotContain("Sandbox-Secret-1");
        }
    }

    private static RegisterDomain register(IdempotencyKey key, DomainName name) {
        return RegisterDomain.of(key, name, Period.years(1), new ContactHandle("H-" + name.secondLevelLabel()), List.of());
    }
}
