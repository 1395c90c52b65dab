package org.kontor.host.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Each rule an order can break, with its code (ORD-7, ORD-8, ORD-14, ORD-15), and the phase of a TLD. */
@DatabaseTest(migrateHost = true)
class CatalogRulesTest {

    private Catalogs c;
    private Instant now;

    @BeforeEach
    void setUp(Database db) {
        c = new Catalogs(db);
        now = c.clock.instant();
        c.runningTlds.addAll(List.of("dk", "eu", "nu", "com"));
        c.store.put(new TldEntry(Tld.of("dk"), true, null, new YearRange(1, 5), new YearRange(1, 3), true, "da",
                Map.of(HolderType.COMPANY, Set.of("vatNumber")), Set.of(), null, List.of()));
        c.store.put(new TldEntry(Tld.of("eu"), true, null, new YearRange(1, 10), new YearRange(1, 10), false, null,
                Map.of(), Set.of("DK", "DE", "NO"), null, List.of()));
        c.store.put(new TldEntry(Tld.of("nu"), true, null, new YearRange(1, 10), new YearRange(1, 10), false, null, Map.of(),
                Set.of(), null, List.of(
                        new LaunchPhase(Phase.SUNRISE, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))),
                        new LaunchPhase(Phase.PRE_REGISTRATION, now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(30))),
                        new LaunchPhase(Phase.GENERAL_AVAILABILITY, now.plus(Duration.ofDays(30)), null))));
        c.store.put(Catalogs.plain("com").withEnabled(false));
        c.store.put(Catalogs.plain("se"));
    }

    private List<String> codes(String name, CatalogOperation operation, Period period, HolderType type,
                               Map<String, String> contact, Instant at) {
        return c.rules.check(DomainName.of(name), operation, period, type, contact, at).stream().map(Violation::code).toList();
    }

    @DbTest
    void anOrderWithinTheRulesBreaksNone(Database db) {
        assertThat(codes("eksempel.dk", CatalogOperation.REGISTER, Period.years(5), HolderType.COMPANY,
                Map.of("vatNumber", "DK12345678"), now)).isEmpty();
        assertThat(codes("eksempel.dk", CatalogOperation.RESTORE, null, null, Map.of(), now)).isEmpty();
    }

    @DbTest
    void aTldNotInTheCatalogOrDisabledIsNotOffered(Database db) {
        assertThat(codes("example.org", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now))
                .containsExactly("tld-not-offered");
        assertThat(codes("example.com", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now))
                .containsExactly("tld-not-offered");
    }

    @DbTest
    void aTldWithoutARunningRegistryCannotBeOrdered(Database db) {
        assertThat(codes("example.se", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now))
                .containsExactly("registry-unavailable");
    }

    @DbTest
    void aPeriodOutsideTheTldsRangeIsNotAllowed(Database db) {
        assertThat(codes("eksempel.dk", CatalogOperation.REGISTER, Period.years(6), null, Map.of(), now))
                .containsExactly("period-not-allowed");
        assertThat(codes("eksempel.dk", CatalogOperation.RENEW, Period.years(4), null, Map.of(), now))
                .containsExactly("period-not-allowed");
        assertThat(codes("eksempel.dk", CatalogOperation.RENEW, Period.months(18), null, Map.of(), now))
                .containsExactly("period-not-allowed");
        assertThat(codes("eksempel.dk", CatalogOperation.RENEW, Period.months(24), null, Map.of(), now)).isEmpty();
        assertThat(c.rules.check(DomainName.of("eksempel.dk"), CatalogOperation.REGISTER, Period.years(6), null, Map.of(), now)
                .get(0).message()).isEqualTo(".dk allows 1 to 5 years for register, not 6 years.");
    }

    @DbTest
    void anIdnUnderATldWithoutIdnIsNotAllowedAndAllowedWhereItIs(Database db) {
        assertThat(codes("blåbær.eu", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now))
                .containsExactly("idn-not-allowed");
        assertThat(codes("xn--blbr-roa0a.eu", CatalogOperation.TRANSFER, Period.years(1), null, Map.of(), now))
                .containsExactly("idn-not-allowed");
        assertThat(codes("æøå.dk", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now)).isEmpty();
    }

    @DbTest
    void aRegistrationInSunriseNeedsASignedMark(Database db) {
        assertThat(codes("brand.nu", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now))
                .containsExactly("sunrise-needs-smd");
        assertThat(c.rules.check(DomainName.of("brand.nu"), CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now, true))
                .isEmpty();
        assertThat(codes("brand.nu", CatalogOperation.RENEW, Period.years(1), null, Map.of(), now)).isEmpty();
    }

    @DbTest
    void betweenAndBeforeItsPhasesATldIsClosed(Database db) {
        assertThat(codes("brand.nu", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now.plus(Duration.ofDays(15))))
                .containsExactly("phase-closed");
        assertThat(codes("brand.nu", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now.minus(Duration.ofDays(5))))
                .containsExactly("phase-closed");
        assertThat(codes("brand.nu", CatalogOperation.REGISTER, Period.years(1), null, Map.of(), now.plus(Duration.ofDays(25))))
                .as("a pre-registration is taken").isEmpty();
    }

    @DbTest
    void theCurrentPhaseAtAnInstant(Database db) {
        assertThat(c.rules.currentPhase(Tld.of("nu"), now)).contains(Phase.SUNRISE);
        assertThat(c.rules.currentPhase(Tld.of("nu"), now.plus(Duration.ofDays(10)))).as("the end is exclusive").isEmpty();
        assertThat(c.rules.currentPhase(Tld.of("nu"), now.plus(Duration.ofDays(20)))).contains(Phase.PRE_REGISTRATION);
        assertThat(c.rules.currentPhase(Tld.of("nu"), now.plus(Duration.ofDays(3000)))).contains(Phase.GENERAL_AVAILABILITY);
        assertThat(c.rules.currentPhase(Tld.of("dk"), now)).as("no phases: always open").contains(Phase.GENERAL_AVAILABILITY);
        assertThat(c.rules.currentPhase(Tld.of("org"), now)).isEmpty();
    }

    @DbTest
    void aCompanyUnderDkMustGiveItsVatNumber(Database db) {
        assertThat(codes("firma.dk", CatalogOperation.REGISTER, Period.years(1), HolderType.COMPANY, Map.of("vatNumber", " "), now))
                .containsExactly("field-required:vatNumber");
        assertThat(codes("firma.dk", CatalogOperation.TRANSFER, Period.years(1), HolderType.COMPANY, Map.of(), now))
                .containsExactly("field-required:vatNumber");
        assertThat(codes("person.dk", CatalogOperation.REGISTER, Period.years(1), HolderType.PERSON, Map.of(), now)).isEmpty();
    }

    @DbTest
    void aHolderOfEuMustLiveInTheEuOrEea(Database db) {
        assertThat(codes("firma.eu", CatalogOperation.REGISTER, Period.years(1), HolderType.PERSON, Map.of("country", "US"), now))
                .containsExactly("residence-not-allowed");
        assertThat(codes("firma.eu", CatalogOperation.REGISTER, Period.years(1), HolderType.PERSON, Map.of(), now))
                .containsExactly("residence-not-allowed");
        assertThat(codes("firma.eu", CatalogOperation.REGISTER, Period.years(1), HolderType.PERSON, Map.of("country", "no"), now))
                .isEmpty();
    }

    @DbTest
    void everyBrokenRuleIsReported(Database db) {
        assertThat(codes("blåbær.eu", CatalogOperation.REGISTER, Period.years(11), HolderType.COMPANY, Map.of("country", "US"), now))
                .containsExactly("period-not-allowed", "idn-not-allowed", "residence-not-allowed");
    }
}
