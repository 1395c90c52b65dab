package org.kontor.plugins.aftermarketdemo;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.pf4j.Extension;

/**
 * Offers from a fixed demo list of registered names for sale: those whose label contains the searched label or is
 * contained in it, or differs from it by at most two letters, best match first. Prices are in euros and the links
 * point at a made-up marketplace under {@code aftermarket.example}. Nothing is asked over the network, so it always
 * answers at once; a parking provider such as Sedo fills the same extension point with real offers.
 */
@Extension
public class DemoAftermarket implements AftermarketProvider {

    public static final String PROVIDER_ID = "aftermarket-demo";
    static final URI MARKET = URI.create("https://aftermarket.example/buy/");

    /** The demo offers: name and asking price in euros. */
    static final Map<String, String> OFFERS = demoOffers();

    private static Map<String, String> demoOffers() {
        Map<String, String> offers = new LinkedHashMap<>();
        offers.put("shop.example", "4900.00");
        offers.put("myshop.example", "1250.00");
        offers.put("webshop.example", "2400.00");
        offers.put("shopping.example", "3100.00");
        offers.put("coffee.example", "1800.00");
        offers.put("coffeeshop.example", "950.00");
        offers.put("kaffe.example", "700.00");
        offers.put("kontor.example", "2200.00");
        offers.put("kontorhotel.example", "650.00");
        offers.put("example.com", "99000.00");
        offers.put("examples.example", "1500.00");
        offers.put("demo.example", "800.00");
        offers.put("demoshop.example", "450.00");
        offers.put("cloud.example", "5200.00");
        offers.put("hosting.example", "3900.00");
        offers.put("webhosting.example", "2700.00");
        offers.put("travel.example", "6100.00");
        offers.put("bike.example", "1100.00");
        offers.put("bikes.example", "1300.00");
        offers.put("pizza.example", "1700.00");
        offers.put("transfer.example", "600.00");
        return offers;
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String displayName() {
        return "Aftermarket (demo)";
    }

    @Override
    public List<AftermarketOffer> offers(AftermarketQuery query) {
        String searched = query.label().toLowerCase(Locale.ROOT);
        List<Match> matches = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, String> offer : OFFERS.entrySet()) {
            DomainName name = DomainName.of(offer.getKey());
            int distance = similarity(searched, name.secondLevelLabel());
            if (distance >= 0) {
                matches.add(new Match(name, offer.getValue(), distance, wished(query, name.tld()), order));
            }
            order++;
        }
        matches.sort(java.util.Comparator.comparingInt(Match::distance)
                .thenComparing(Match::wishedTld, java.util.Comparator.reverseOrder())
                .thenComparingInt(Match::order));
        return matches.stream().limit(query.limit()).map(DemoAftermarket::offer).toList();
    }

    private record Match(DomainName name, String price, int distance, boolean wishedTld, int order) {
    }

    private static AftermarketOffer offer(Match match) {
        return new AftermarketOffer(match.name(), Money.of(match.price(), "EUR"), MARKET.resolve(match.name().ascii()),
                PROVIDER_ID);
    }

    private static boolean wished(AftermarketQuery query, Tld tld) {
        return !query.tlds().isEmpty() && query.tlds().get(0).equals(tld);
    }

    /**
     * How far a demo label is from the searched one, or -1 when they are not alike: 0 for the same label, 1 when one
     * contains the other, 2 + the edit distance when that is at most two letters (labels of four letters or more).
     */
    static int similarity(String searched, String label) {
        if (searched.equals(label)) {
            return 0;
        }
        if (searched.length() >= 3 && label.length() >= 3 && (label.contains(searched) || searched.contains(label))) {
            return 1;
        }
        if (searched.length() >= 4 && Math.abs(searched.length() - label.length()) <= 2) {
            int edits = editDistance(searched, label);
            if (edits <= 2) {
                return 2 + edits;
            }
        }
        return -1;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
