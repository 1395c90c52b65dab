package org.kontor.host.catalog;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.database.Database;
import org.kontor.host.domains.DomainPrices;
import org.kontor.testkit.TestClock;

/** The catalog over a test database, with the registries that "run" chosen by the test. */
final class Catalogs {

    final TestClock clock = TestClock.at(Instant.parse("2026-12-20T12:00:00Z"));
    final Set<String> runningTlds = new HashSet<>();
    final DomainPrices prices;
    final CatalogStore store;
    final CatalogRules rules;

    Catalogs(Database db) {
        clear(db);
        prices = new DomainPrices(db.jdbi(), clock);
        store = new CatalogStore(db.jdbi(), prices, clock);
        rules = new CatalogRules(store, (tld, registryId) -> runningTlds.contains(tld.ascii()));
    }

    static void clear(Database db) {
        db.jdbi().useHandle(h -> {
            for (String table : List.of("catalog_tld", "catalog_tld_field", "catalog_tld_phase", "catalog_group",
                    "catalog_group_name", "catalog_group_member", "domain_price")) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    /** An enabled TLD with 1 to 10 years, no IDN, no rules, no phases. */
    static TldEntry plain(String tld) {
        return new TldEntry(Tld.of(tld), true, null, new YearRange(1, 10), new YearRange(1, 10), false, null, Map.of(),
                Set.of(), null, List.of());
    }

    static TldEntry with(TldEntry e, YearRange register, List<LaunchPhase> phases) {
        return new TldEntry(e.tld(), e.enabled(), e.registryId(), register, e.renew(), e.idnAllowed(), e.idnTable(),
                e.requiredFields(), e.residenceCountries(), e.eligibilityNote(), phases);
    }
}
