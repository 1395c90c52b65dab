package org.kontor.host.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoCatalog;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The catalog's store: what it keeps, and each validation rule with the field it names (ORD-2, ORD-10, ORD-14). */
@DatabaseTest(migrateHost = true)
class CatalogStoreTest {

    private static final Instant T = Instant.parse("2027-01-01T00:00:00Z");

    private static CatalogValidationException refused(Runnable action) {
        try {
            action.run();
        } catch (CatalogValidationException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @DbTest
    void keepsAnEntryWithItsRulesAndPhasesAndReplacesItOnPut(Database db) {
        Catalogs c = new Catalogs(db);
        TldEntry dk = new TldEntry(Tld.of("dk"), true, "dk-hostmaster", new YearRange(1, 5), new YearRange(1, 3), true, "da",
                Map.of(HolderType.COMPANY, Set.of("vatNumber")), Set.of("DK"), "CVR for companies",
                List.of(new LaunchPhase(Phase.SUNRISE, T, T.plus(Duration.ofDays(10))),
                        new LaunchPhase(Phase.GENERAL_AVAILABILITY, T.plus(Duration.ofDays(10)), null)));

        c.store.put(dk);
        c.store.put(dk);

        assertThat(c.store.find(Tld.of("dk"))).contains(dk);
        assertThat(c.store.all()).hasSize(1);
        c.store.put(Catalogs.with(dk, new YearRange(2, 2), List.of()));
        TldEntry replaced = c.store.find(Tld.of("dk")).orElseThrow();
        assertThat(replaced.register()).isEqualTo(new YearRange(2, 2));
        assertThat(replaced.phases()).isEmpty();
        assertThat(replaced.requiredFields(HolderType.COMPANY)).containsExactly("vatNumber");
    }

    @DbTest
    void pricesAreTheDomainPricesRenewalsUse(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));

        c.store.setPrice(Tld.of("dk"), CatalogOperation.RENEW, Money.of("89.00", "DKK"));
        c.store.setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("12.00", "EUR"));

        assertThat(c.prices.price(Tld.of("dk"), ChargeKind.DOMAIN_RENEW, Money.of("1", "DKK").currency()))
                .contains(Money.of("89.00", "DKK"));
        assertThat(c.store.pricesOf(Tld.of("dk"))).containsEntry(CatalogOperation.REGISTER, List.of(Money.of("12.00", "EUR")));
    }

    @DbTest
    void deletingATldKeepsItsPricesForDomainsAlreadyRegisteredAndLeavesItsGroups(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));
        c.store.put(Catalogs.plain("eu"));
        c.store.setPrice(Tld.of("dk"), CatalogOperation.RENEW, Money.of("89.00", "DKK"));
        c.store.putGroup(new TldGroup("europe", Map.of("en", "Europe"), 1, List.of(Tld.of("dk"), Tld.of("eu"))));

        assertThat(c.store.delete(Tld.of("dk"))).isTrue();

        assertThat(c.store.find(Tld.of("dk"))).isEmpty();
        assertThat(c.store.group("europe").orElseThrow().tlds()).containsExactly(Tld.of("eu"));
        assertThat(c.prices.price(Tld.of("dk"), ChargeKind.DOMAIN_RENEW, Money.of("1", "DKK").currency())).isPresent();
        assertThat(c.store.delete(Tld.of("dk"))).isFalse();
    }

    @DbTest
    void disablingKeepsTheEntry(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));

        assertThat(c.store.setEnabled(Tld.of("dk"), false)).isTrue();

        assertThat(c.store.find(Tld.of("dk")).orElseThrow().enabled()).isFalse();
        assertThat(c.store.setEnabled(Tld.of("nope"), false)).isFalse();
    }

    @DbTest
    void aPeriodOutsideOneToTenYearsIsRefused(Database db) {
        Catalogs c = new Catalogs(db);

        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("dk"), new YearRange(0, 5), List.of())))
                .fieldErrors()).containsKey("register.minYears");
        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("dk"), new YearRange(1, 11), List.of())))
                .fieldErrors()).containsKey("register.maxYears");
        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("dk"), new YearRange(5, 2), List.of())))
                .fieldErrors().get("register.maxYears")).contains("shorter than the shortest");
        assertThat(c.store.all()).isEmpty();
    }

    @DbTest
    void aPhaseEndingBeforeItStartsIsRefused(Database db) {
        Catalogs c = new Catalogs(db);
        List<LaunchPhase> backwards = List.of(new LaunchPhase(Phase.SUNRISE, T, T.minus(Duration.ofDays(1))));

        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("nu"), new YearRange(1, 10), backwards)))
                .fieldErrors().get("phases[0].endsAt")).contains("ends").contains("before it starts");
    }

    @DbTest
    void overlappingPhasesAreRefused(Database db) {
        Catalogs c = new Catalogs(db);
        List<LaunchPhase> overlapping = List.of(
                new LaunchPhase(Phase.SUNRISE, T, T.plus(Duration.ofDays(30))),
                new LaunchPhase(Phase.GENERAL_AVAILABILITY, T.plus(Duration.ofDays(20)), null));
        List<LaunchPhase> afterOpenEnded = List.of(
                new LaunchPhase(Phase.GENERAL_AVAILABILITY, T, null),
                new LaunchPhase(Phase.SUNRISE, T.plus(Duration.ofDays(20)), T.plus(Duration.ofDays(30))));

        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("nu"), new YearRange(1, 10), overlapping)))
                .fieldErrors().get("phases[1].startsAt")).contains("overlaps the SUNRISE phase");
        assertThat(refused(() -> c.store.put(Catalogs.with(Catalogs.plain("nu"), new YearRange(1, 10), afterOpenEnded)))
                .fieldErrors()).containsKey("phases[1].startsAt");
    }

    @DbTest
    void anIdnTldNeedsItsTableAndCountriesAndFieldsMustBeValid(Database db) {
        Catalogs c = new Catalogs(db);
        TldEntry bad = new TldEntry(Tld.of("dk"), true, "Not An Id", new YearRange(1, 10), new YearRange(1, 10), true, " ",
                Map.of(HolderType.COMPANY, Set.of("vat number")), Set.of("XX"), null, List.of());

        assertThat(refused(() -> c.store.put(bad)).fieldErrors()).containsKeys("registryId", "idn.table",
                "requiredFields.COMPANY", "residenceCountries");
    }

    @DbTest
    void aPriceMustBePositiveAndItsTldInTheCatalog(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));

        assertThat(refused(() -> c.store.setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("-1.00", "DKK")))
                .fieldErrors().get("amount")).contains("more than zero");
        assertThat(refused(() -> c.store.setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("0.00", "DKK")))
                .fieldErrors()).containsKey("amount");
        assertThat(refused(() -> c.store.setPrice(Tld.of("xyz"), CatalogOperation.REGISTER, Money.of("1.00", "DKK")))
                .fieldErrors()).containsKey("tld");
    }

    @DbTest
    void groupsKeepTheirNamesOrderAndMembers(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));
        c.store.put(Catalogs.plain("eu"));
        c.store.putGroup(new TldGroup("generic", Map.of("en", "Generic"), 2, List.of(Tld.of("eu"))));
        c.store.putGroup(new TldGroup("europe", Map.of("en", "Europe", "da", "Europa"), 1, List.of(Tld.of("eu"), Tld.of("dk"))));

        assertThat(c.store.groups()).extracting(TldGroup::id).containsExactly("europe", "generic");
        TldGroup europe = c.store.group("europe").orElseThrow();
        assertThat(europe.tlds()).containsExactly(Tld.of("eu"), Tld.of("dk"));
        assertThat(europe.name("da")).isEqualTo("Europa");
        assertThat(europe.name("cs")).as("falls back to English").isEqualTo("Europe");
        assertThat(c.store.deleteGroup("europe")).isTrue();
        assertThat(c.store.groups()).extracting(TldGroup::id).containsExactly("generic");
    }

    @DbTest
    void aGroupWithAnUnknownTldOrLanguageIsRefused(Database db) {
        Catalogs c = new Catalogs(db);
        c.store.put(Catalogs.plain("dk"));

        Map<String, String> errors = refused(() -> c.store.putGroup(new TldGroup("Bad Id", Map.of("da", "Europa", "fr", "Europe"), 1,
                List.of(Tld.of("dk"), Tld.of("xyz"), Tld.of("dk"))))).fieldErrors();

        assertThat(errors.get("tlds[1]")).isEqualTo(".xyz is not in the catalog.");
        assertThat(errors.get("tlds[2]")).contains("twice");
        assertThat(errors).containsKeys("id", "names.fr", "names.en");
        assertThat(c.store.groups()).isEmpty();
    }

    @DbTest
    void theDemoCatalogLoadsTwiceWithoutDuplicates(Database db) {
        Catalogs c = new Catalogs(db);
        DemoCatalog demo = new DemoCatalog(c.store, c.clock);

        demo.load("sandbox-dk");
        List<TldEntry> first = c.store.all();
        List<TldGroup> groups = c.store.groups();
        int prices = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM domain_price").mapTo(Integer.class).one());
        c.clock.advance(Duration.ofDays(3));
        demo.load("sandbox-dk");

        assertThat(c.store.all()).isEqualTo(first);
        assertThat(c.store.groups()).isEqualTo(groups);
        int pricesAfter = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM domain_price").mapTo(Integer.class).one());
        assertThat(pricesAfter).isEqualTo(prices);
        assertThat(first).extracting(e -> e.tld().ascii())
                .containsExactly("com", "cz", "de", "dk", "eu", "example", "nu", "sk", "test");
        assertThat(groups).extracting(TldGroup::id).containsExactly("top-10", "europe", "generic");
        assertThat(groups).allSatisfy(g -> assertThat(g.names()).containsOnlyKeys("en", "da", "de", "cs", "sk"));
        assertThat(c.store.pricesOf(Tld.of("cz")).get(CatalogOperation.REGISTER)).extracting(Money::currencyCode)
                .containsExactlyInAnyOrder("CZK", "DKK", "EUR");
        assertThat(c.store.find(Tld.of("dk")).orElseThrow().registryId()).isEqualTo("sandbox-dk");
        assertThat(c.rules.currentPhase(Tld.of("nu"), c.clock.instant())).contains(Phase.SUNRISE);
        assertThat(c.rules.currentPhase(Tld.of("nu"), c.clock.instant().plus(Duration.ofDays(30)))).contains(Phase.GENERAL_AVAILABILITY);
    }
}
