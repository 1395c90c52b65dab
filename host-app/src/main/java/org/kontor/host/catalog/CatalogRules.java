package org.kontor.host.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * The catalog's registration rules (ORD-7, ORD-14, ORD-15) for the order process: whether a name may be registered,
 * renewed, transferred or restored for a period by a holder of a type with the given contact data, and the launch
 * phase a TLD is in. Every broken rule is reported, each with a stable code (see {@link Violation}).
 */
public final class CatalogRules {

    /** The contact data field holding the holder's country (ISO 3166 code). */
    public static final String COUNTRY_FIELD = "country";

    private final CatalogStore store;
    private final BiPredicate<Tld, String> registryRunning;

    /**
     * @param registryRunning whether a running registry serves the TLD (the entry's registry id, or null for any)
     */
    public CatalogRules(CatalogStore store, BiPredicate<Tld, String> registryRunning) {
        this.store = store;
        this.registryRunning = registryRunning;
    }

    /**
     * Whether a running registry plugin serves a TLD: the registry the entry names, or any when it names none. Asks
     * each time, since plugins may be enabled or disabled while the host runs.
     */
    public static BiPredicate<Tld, String> runningRegistries(Extensions extensions) {
        return (tld, registryId) -> extensions.of(DomainRegistry.class).stream().map(Contribution::extension)
                .anyMatch(registry -> registry.tlds().contains(tld)
                        && (registryId == null || registryId.equals(registry.registryId())));
    }

    /** {@link #check(DomainName, CatalogOperation, Period, HolderType, Map, Instant, boolean)} without a signed mark. */
    public List<Violation> check(DomainName name, CatalogOperation operation, Period period, HolderType holderType,
                                 Map<String, String> contact, Instant now) {
        return check(name, operation, period, holderType, contact, now, false);
    }

    /**
     * The rules the order would break; empty when it may go ahead.
     *
     * @param period     null for a restore (which has none)
     * @param holderType null when the holder is not known yet (contact rules are then not checked)
     * @param signedMark whether the order carries a signed mark data (SMD) file, needed in sunrise
     */
    public List<Violation> check(DomainName name, CatalogOperation operation, Period period, HolderType holderType,
                                 Map<String, String> contact, Instant now, boolean signedMark) {
        Tld tld = name.tld();
        Optional<TldEntry> found = store.find(tld);
        if (found.isEmpty() || !found.get().enabled()) {
            return List.of(new Violation("tld-not-offered", "." + tld.unicode() + " is not offered."));
        }
        TldEntry entry = found.get();
        List<Violation> violations = new ArrayList<>();
        if (!registryAvailable(entry)) {
            violations.add(new Violation("registry-unavailable", "No registry for ." + tld.unicode()
                    + " is connected; names under it cannot be ordered now."));
        }
        if (operation != CatalogOperation.RESTORE) {
            YearRange allowed = operation == CatalogOperation.REGISTER ? entry.register() : entry.renew();
            if (period == null || period.inMonths() % 12 != 0 || !allowed.allows(period.inMonths() / 12)) {
                violations.add(new Violation("period-not-allowed", "." + tld.unicode() + " allows " + allowed
                        + " for " + operation.jsonName() + ", not " + (period == null ? "no period" : describe(period)) + "."));
            }
        }
        if (operation == CatalogOperation.REGISTER || operation == CatalogOperation.TRANSFER) {
            if (name.isIdn() && !entry.idnAllowed()) {
                violations.add(new Violation("idn-not-allowed", "." + tld.unicode()
                        + " does not allow internationalised names such as " + name.unicode() + "."));
            } else if (name.isIdn()) {
                String unicode = name.unicode();
                int refused = IdnTables.firstRefused(entry.idnTable(), unicode.substring(0, unicode.lastIndexOf('.')));
                if (refused >= 0) {
                    String character = Character.toString(refused);
                    violations.add(new Violation("idn-character-not-allowed:" + character, "." + tld.unicode()
                            + " does not allow the character '" + character + "' (its IDN table is " + entry.idnTable()
                            + ")."));
                }
            }
        }
        if (operation == CatalogOperation.REGISTER) {
            Optional<Phase> phase = currentPhase(entry, now);
            if (phase.isEmpty()) {
                violations.add(new Violation("phase-closed", "." + tld.unicode() + " takes no registrations at "
                        + now + "; see its launch phases."));
            } else if (phase.get() == Phase.SUNRISE && !signedMark) {
                violations.add(new Violation("sunrise-needs-smd", "." + tld.unicode()
                        + " is in its sunrise phase: a registration needs a signed mark data (SMD) file."));
            }
        }
        if (holderType != null && (operation == CatalogOperation.REGISTER || operation == CatalogOperation.TRANSFER)) {
            Map<String, String> data = contact == null ? Map.of() : contact;
            for (String field : entry.requiredFields(holderType)) {
                String value = data.get(field);
                if (value == null || value.isBlank()) {
                    violations.add(new Violation("field-required:" + field, "." + tld.unicode() + " requires "
                            + field + " of a holder of type " + holderType + "."));
                }
            }
            if (!entry.residenceCountries().isEmpty()) {
                String country = data.getOrDefault(COUNTRY_FIELD, "").strip().toUpperCase(Locale.ROOT);
                if (!entry.residenceCountries().contains(country)) {
                    violations.add(new Violation("residence-not-allowed", "." + tld.unicode()
                            + " requires a holder living in one of " + new java.util.TreeSet<>(entry.residenceCountries())
                            + (country.isEmpty() ? "; no country was given." : ", not " + country + ".")));
                }
            }
        }
        return violations;
    }

    /**
     * Why names under the entry's TLD cannot be ordered now with a price in {@code currency}, as the storefront says
     * it: {@code no-registry}, {@code phase-closed} or {@code no-price}; empty when they can.
     */
    public Optional<String> notOrderableReason(TldEntry entry, Currency currency, Instant now) {
        if (!registryAvailable(entry)) {
            return Optional.of("no-registry");
        }
        if (currentPhase(entry, now).isEmpty()) {
            return Optional.of("phase-closed");
        }
        boolean priced = store.pricesOf(entry.tld()).getOrDefault(CatalogOperation.REGISTER, List.of()).stream()
                .anyMatch(price -> price.currency().equals(currency));
        return priced ? Optional.empty() : Optional.of("no-price");
    }

    /** Whether a running registry serves the entry's TLD (its registry, if it names one). */
    public boolean registryAvailable(TldEntry entry) {
        return registryRunning.test(entry.tld(), entry.registryId());
    }

    /** The phase {@code tld} is in at {@code now}; empty when it is not in the catalog or between or before its phases. */
    public Optional<Phase> currentPhase(Tld tld, Instant now) {
        return store.find(tld).flatMap(entry -> currentPhase(entry, now));
    }

    /** A TLD without phases is always in general availability. */
    static Optional<Phase> currentPhase(TldEntry entry, Instant now) {
        return currentLaunchPhase(entry, now).map(LaunchPhase::phase)
                .or(() -> entry.phases().isEmpty() ? Optional.of(Phase.GENERAL_AVAILABILITY) : Optional.empty());
    }

    static Optional<LaunchPhase> currentLaunchPhase(TldEntry entry, Instant now) {
        return entry.phases().stream().filter(phase -> phase.contains(now)).findFirst();
    }

    private static String describe(Period period) {
        return period.inMonths() % 12 == 0 ? period.inMonths() / 12 + " years" : period.inMonths() + " months";
    }
}
