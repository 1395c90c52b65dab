package org.kontor.host.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.api.domain.Tld;

/**
 * A TLD in the catalog and its rules (ORD-14, ORD-15). Its prices live in {@code domain_price}.
 *
 * @param registryId         the registry that serves it; null: any running registry that lists the TLD
 * @param idnTable           the IDN table or script accepted (e.g. {@code da}, {@code Latin}); null without IDN
 * @param requiredFields     per holder type, the contact fields a holder must give ({@code vatNumber}, ...)
 * @param residenceCountries ISO 3166 codes a holder must live in (the contact field {@code country}); empty: anywhere
 * @param phases             launch phases in order of start; empty: always in general availability
 */
public record TldEntry(Tld tld, boolean enabled, String registryId, YearRange register, YearRange renew,
                       boolean idnAllowed, String idnTable, Map<HolderType, Set<String>> requiredFields,
                       Set<String> residenceCountries, String eligibilityNote, List<LaunchPhase> phases) {

    public TldEntry {
        requiredFields = Map.copyOf(requiredFields);
        residenceCountries = Set.copyOf(residenceCountries);
        phases = List.copyOf(phases);
    }

    public Set<String> requiredFields(HolderType type) {
        return requiredFields.getOrDefault(type, Set.of());
    }

    /** The same entry enabled or disabled. */
    public TldEntry withEnabled(boolean on) {
        return new TldEntry(tld, on, registryId, register, renew, idnAllowed, idnTable, requiredFields,
                residenceCountries, eligibilityNote, phases);
    }
}
