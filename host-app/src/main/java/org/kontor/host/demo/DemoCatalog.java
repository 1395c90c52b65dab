package org.kontor.host.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.HolderType;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.catalog.YearRange;

/**
 * The demo catalog: .dk, .test and .example served by the sandbox registries, and .eu, .de, .com, .cz, .sk and .nu
 * as catalog entries with prices whose registries are not connected in the demo (the storefront lists them as not
 * orderable, reason {@code no-registry}). .dk requires a CVR number of companies, .eu a holder living in the
 * EU/EEA, and .nu is in its sunrise phase with general availability 30 days after the catalog was first loaded.
 * Prices in DKK and EUR, and CZK for .cz; groups Top 10, Europe and Generic in five languages.
 *
 * <p>An entry or group already in the catalog is left as it is, so loading twice changes nothing and what the
 * operator changed in the demo survives a restart.
 */
public final class DemoCatalog {

    /** EU member states and the EEA countries Iceland, Liechtenstein and Norway. */
    public static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private final CatalogStore catalog;
    private final Clock clock;

    public DemoCatalog(CatalogStore catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @param dkRegistryId the registry the demo's .dk goes to */
    public void load(String dkRegistryId) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        entry(tld("dk", dkRegistryId, 1, 5, "da", Map.of(HolderType.COMPANY, Set.of("vatNumber")), Set.of(),
                        "Anyone may hold a .dk name; companies give their CVR number (VAT number).", List.of()),
                prices("100.00", "89.00", "89.00", "250.00", "DKK"), prices("13.50", "12.00", "12.00", "34.00", "EUR"));
        entry(tld("test", DemoData.SANDBOX_REGISTRY_ID, 1, 10, "Latin", Map.of(), Set.of(), null, List.of()),
                prices("100.00", "89.00", "89.00", "250.00", "DKK"), prices("13.50", "12.00", "12.00", "34.00", "EUR"));
        entry(tld("example", DemoData.SANDBOX_REGISTRY_ID, 1, 10, "Latin", Map.of(), Set.of(), null, List.of()),
                prices("100.00", "89.00", "89.00", "250.00", "DKK"), prices("13.50", "12.00", "12.00", "34.00", "EUR"));
        entry(tld("eu", "eurid", 1, 10, "Latin", Map.of(), EU_EEA,
                        "Holders live in the EU or the EEA (EU citizens may hold one wherever they live).", List.of()),
                prices("75.00", "75.00", "75.00", "450.00", "DKK"), prices("10.00", "10.00", "10.00", "60.00", "EUR"));
        entry(tld("de", "denic", 1, 1, "de", Map.of(), Set.of(),
                        "Holders outside Germany name an administrative contact in Germany.", List.of()),
                prices("80.00", "80.00", "80.00", "300.00", "DKK"), prices("10.75", "10.75", "10.75", "40.00", "EUR"));
        entry(tld("com", "verisign", 1, 10, "Latin", Map.of(), Set.of(), null, List.of()),
                prices("110.00", "110.00", "110.00", "600.00", "DKK"), prices("14.75", "14.75", "14.75", "80.00", "EUR"));
        entry(tld("cz", "cz-nic", 1, 10, null, Map.of(), Set.of(), null, List.of()),
                prices("95.00", "95.00", "95.00", "300.00", "DKK"), prices("12.75", "12.75", "12.75", "40.00", "EUR"),
                prices("320", "320", "320", "1000", "CZK"));
        entry(tld("sk", "sk-nic", 1, 10, null, Map.of(), Set.of(), null, List.of()),
                prices("110.00", "110.00", "110.00", "300.00", "DKK"), prices("14.75", "14.75", "14.75", "40.00", "EUR"));
        entry(tld("nu", "iis", 1, 10, "Latin", Map.of(), Set.of(),
                        "Sunrise: trademark holders only, with a signed mark data (SMD) file; orders for general "
                                + "availability are taken as pre-registrations.",
                        List.of(new LaunchPhase(Phase.SUNRISE, today.minus(Duration.ofDays(2)), today.plus(Duration.ofDays(15))),
                                new LaunchPhase(Phase.PRE_REGISTRATION, today.plus(Duration.ofDays(15)), today.plus(Duration.ofDays(30))),
                                new LaunchPhase(Phase.GENERAL_AVAILABILITY, today.plus(Duration.ofDays(30)), null))),
                prices("150.00", "150.00", "150.00", "400.00", "DKK"), prices("20.00", "20.00", "20.00", "54.00", "EUR"));

        group("top-10", 1, List.of("com", "dk", "eu", "de", "nu", "cz", "sk", "test", "example"),
                Map.of("en", "Top 10", "da", "Top 10", "de", "Top 10", "cs", "Top 10", "sk", "Top 10"));
        group("europe", 2, List.of("dk", "eu", "de", "cz", "sk", "nu"),
                Map.of("en", "Europe", "da", "Europa", "de", "Europa", "cs", "Evropa", "sk", "Európa"));
        group("generic", 3, List.of("com", "test", "example"),
                Map.of("en", "Generic", "da", "Generiske", "de", "Generische", "cs", "Generické", "sk", "Generické"));
    }

    private static TldEntry tld(String name, String registryId, int minYears, int maxYears, String idnTable,
                                Map<HolderType, Set<String>> fields, Set<String> countries, String note,
                                List<LaunchPhase> phases) {
        return new TldEntry(Tld.of(name), true, registryId, new YearRange(minYears, maxYears),
                new YearRange(minYears, maxYears), idnTable != null, idnTable, fields, countries, note, phases);
    }

    private static Map<CatalogOperation, Money> prices(String register, String renew, String transfer, String restore,
                                                       String currency) {
        return Map.of(CatalogOperation.REGISTER, Money.of(register, currency), CatalogOperation.RENEW, Money.of(renew, currency),
                CatalogOperation.TRANSFER, Money.of(transfer, currency), CatalogOperation.RESTORE, Money.of(restore, currency));
    }

    @SafeVarargs
    private void entry(TldEntry entry, Map<CatalogOperation, Money>... prices) {
        if (catalog.contains(entry.tld())) {
            return;
        }
        catalog.put(entry);
        for (Map<CatalogOperation, Money> inCurrency : prices) {
            inCurrency.forEach((operation, price) -> catalog.setPrice(entry.tld(), operation, price));
        }
    }

    private void group(String id, int position, List<String> tlds, Map<String, String> names) {
        if (catalog.group(id).isEmpty()) {
            catalog.putGroup(new TldGroup(id, names, position, tlds.stream().map(Tld::of).toList()));
        }
    }
}
