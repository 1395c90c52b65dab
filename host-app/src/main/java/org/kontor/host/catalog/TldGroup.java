package org.kontor.host.catalog;

import java.util.List;
import java.util.Map;
import org.kontor.api.domain.Tld;

/**
 * A group of TLDs to choose from in the storefront (ORD-2).
 *
 * @param names    language code (en, da, de, cs, sk) to name
 * @param position order among the groups, smallest first
 * @param tlds     members in the order shown
 */
public record TldGroup(String id, Map<String, String> names, int position, List<Tld> tlds) {

    public TldGroup {
        names = Map.copyOf(names);
        tlds = List.copyOf(tlds);
    }

    /** The name in {@code language}, else in English, else any. */
    public String name(String language) {
        String name = names.get(language);
        if (name == null) {
            name = names.get("en");
        }
        return name != null ? name : names.values().stream().sorted().findFirst().orElse(id);
    }
}
