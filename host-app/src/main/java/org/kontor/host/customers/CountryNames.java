package org.kontor.host.customers;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every ISO country with its name in a language, in that language's alphabetical order, for the country choice. */
final class CountryNames {

    private final Map<String, List<Map<String, String>>> byLanguage = new ConcurrentHashMap<>();

    List<Map<String, String>> in(String language) {
        return byLanguage.computeIfAbsent(language, code -> {
            Locale locale = Locale.forLanguageTag(code);
            Collator collator = Collator.getInstance(locale);
            List<Map<String, String>> list = new ArrayList<>();
            for (String country : Locale.getISOCountries()) {
                list.add(Map.of("code", country, "name", new Locale("", country).getDisplayCountry(locale)));
            }
            list.sort(Comparator.comparing(entry -> entry.get("name"), collator));
            return List.copyOf(list);
        });
    }
}
