package org.kontor.host.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;

/**
 * Checks catalog data before it is stored and names every refused field at once (ORD-10): periods outside 1 to
 * {@value YearRange#LONGEST} years, phases that end before they start or overlap, groups with unknown TLDs or
 * languages, prices that are not positive.
 */
final class CatalogValidator {

    static final Set<String> LANGUAGES = Set.of("en", "da", "de", "cs", "sk");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CatalogValidator() {
    }

    static void check(TldEntry entry) {
        Map<String, String> errors = new LinkedHashMap<>();
        years("register", entry.register(), errors);
        years("renew", entry.renew(), errors);
        if (entry.registryId() != null && !ID.matcher(entry.registryId()).matches()) {
            errors.put("registryId", "A registry id is 1 to 40 lowercase letters, digits or hyphens; '"
                    + entry.registryId() + "' is not.");
        }
        if (entry.idnAllowed() && (entry.idnTable() == null || entry.idnTable().isBlank())) {
            errors.put("idn.table", "A TLD that allows IDN names needs the IDN table or script its registry accepts, "
                    + "e.g. 'da' or 'Latin'.");
        }
        entry.requiredFields().forEach((type, fields) -> {
            for (String field : fields) {
                if (!FIELD.matcher(field).matches()) {
                    errors.put("requiredFields." + type, "'" + field + "' is not a contact field name (letters and "
                            + "digits, starting with a letter).");
                }
            }
        });
        for (String country : entry.residenceCountries()) {
            if (!COUNTRIES.contains(country)) {
                errors.put("residenceCountries", "'" + country + "' is not an ISO 3166 country code such as DK or DE.");
            }
        }
        phases(entry.phases(), errors);
        throwIfAny(errors);
    }

    private static void years(String field, YearRange range, Map<String, String> errors) {
        if (range == null) {
            errors.put(field, "The allowed periods are missing.");
        } else if (range.min() < 1) {
            errors.put(field + ".minYears", "The shortest period is at least 1 year, not " + range.min() + ".");
        } else if (range.max() > YearRange.LONGEST) {
            errors.put(field + ".maxYears", "The longest period is at most " + YearRange.LONGEST + " years, not "
                    + range.max() + ".");
        } else if (range.min() > range.max()) {
            errors.put(field + ".maxYears", "The longest period (" + range.max() + ") is shorter than the shortest ("
                    + range.min() + ").");
        }
    }

    private static void phases(List<LaunchPhase> phases, Map<String, String> errors) {
        for (int i = 0; i < phases.size(); i++) {
            LaunchPhase phase = phases.get(i);
            if (phase.endsAt() != null && !phase.endsAt().isAfter(phase.startsAt())) {
                errors.put("phases[" + i + "].endsAt", "The " + phase.phase() + " phase ends (" + phase.endsAt()
                        + ") before it starts (" + phase.startsAt() + ").");
            }
        }
        List<LaunchPhase> sorted = new ArrayList<>(phases);
        sorted.sort(Comparator.comparing(LaunchPhase::startsAt));
        for (int i = 1; i < sorted.size(); i++) {
            LaunchPhase before = sorted.get(i - 1);
            LaunchPhase after = sorted.get(i);
            if (before.endsAt() == null || before.endsAt().isAfter(after.startsAt())) {
                errors.put("phases[" + phases.indexOf(after) + "].startsAt", "The " + after.phase() + " phase starting "
                        + after.startsAt() + " overlaps the " + before.phase() + " phase ("
                        + before.startsAt() + " to " + (before.endsAt() == null ? "no end" : before.endsAt()) + ").");
            }
        }
    }

    static void check(TldGroup group, Predicate<Tld> inCatalog) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!ID.matcher(group.id()).matches()) {
            errors.put("id", "A group id is 1 to 40 lowercase letters, digits or hyphens; '" + group.id() + "' is not.");
        }
        group.names().forEach((language, name) -> {
            if (!LANGUAGES.contains(language)) {
                errors.put("names." + language, "'" + language + "' is not one of the languages en, da, de, cs, sk.");
            } else if (name == null || name.isBlank()) {
                errors.put("names." + language, "The name is empty.");
            } else if (name.length() > 60) {
                errors.put("names." + language, "The name is longer than 60 characters.");
            }
        });
        if (!group.names().containsKey("en")) {
            errors.put("names.en", "A group needs at least an English name.");
        }
        Set<Tld> seen = new HashSet<>();
        for (int i = 0; i < group.tlds().size(); i++) {
            Tld tld = group.tlds().get(i);
            if (!seen.add(tld)) {
                errors.put("tlds[" + i + "]", "." + tld + " is listed twice.");
            } else if (!inCatalog.test(tld)) {
                errors.put("tlds[" + i + "]", "." + tld + " is not in the catalog.");
            }
        }
        throwIfAny(errors);
    }

    static void checkPrice(Money price) {
        if (!price.isPositive()) {
            throw CatalogValidationException.of("amount", "A price must be more than zero, not " + price.amount().toPlainString()
                    + " " + price.currencyCode() + ".");
        }
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new CatalogValidationException(errors);
        }
    }
}
