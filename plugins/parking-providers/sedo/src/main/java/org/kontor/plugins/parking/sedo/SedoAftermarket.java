package org.kontor.plugins.parking.sedo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kontor.api.PluginContext;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.pf4j.Extension;

/**
 * Sedo's listings of domains for sale, beside the storefront's search results: one {@code DomainSearch} for the
 * searched label under the searched TLDs, with the partner's credentials. Listings without a price (make an offer) are
 * left out. Until the partner id and sign key are configured it offers nothing and asks nothing.
 */
@Extension
public class SedoAftermarket implements AftermarketProvider {

    /** Sedo's currency numbers. */
    private static final Map<String, String> CURRENCIES = Map.of("0", "EUR", "1", "USD", "2", "GBP");

    private final PluginContext context;

    public SedoAftermarket(PluginContext context) {
        this.context = context;
    }

    @Override
    public String providerId() {
        return SedoParking.PROVIDER_ID;
    }

    @Override
    public String displayName() {
        return "Sedo";
    }

    /** @throws IllegalStateException when Sedo refuses or cannot be asked (the host leaves Sedo out of that search) */
    @Override
    public List<AftermarketOffer> offers(AftermarketQuery query) {
        SedoConfig config = SedoConfig.of(context.settings());
        if (!config.canSearch()) {
            return List.of();
        }
        List<SedoApi.Param> params = new ArrayList<>();
        params.add(new SedoApi.Param("keyword", query.label()));
        if (!query.tlds().isEmpty()) {
            params.add(new SedoApi.Param("tld", query.tlds().stream().map(Tld::toString).collect(Collectors.joining(","))));
        }
        params.add(new SedoApi.Param("resultsize", Integer.toString(query.limit())));
        params.add(new SedoApi.Param("language", "en"));
        SedoAnswer answer = new SedoApi(context.httpClient(), config).call("DomainSearch", false, params);
        if (answer.kind() != SedoAnswer.Kind.OK) {
            throw new IllegalStateException("Sedo's search failed: " + (answer.kind() == SedoAnswer.Kind.FAULT
                    ? answer.faultCode() + " " + answer.faultString() : answer.problem()));
        }
        List<AftermarketOffer> offers = new ArrayList<>();
        Set<DomainName> seen = new HashSet<>();
        for (Map<String, String> item : answer.items()) {
            if (offers.size() >= query.limit()) {
                break;
            }
            try {
                DomainName name = DomainName.of(item.getOrDefault("domain", ""));
                BigDecimal price = new BigDecimal(item.getOrDefault("price", "0").strip());
                String code = CURRENCIES.get(item.getOrDefault("currency", "").strip());
                if (price.signum() <= 0 || code == null || !seen.add(name)) {
                    continue;
                }
                Currency currency = Currency.getInstance(code);
                offers.add(new AftermarketOffer(name, Money.rounded(price, currency, RoundingMode.HALF_UP),
                        link(item.get("url"), name, config), SedoParking.PROVIDER_ID));
            } catch (IllegalArgumentException e) {
                context.logger().debug("Left out a Sedo listing that could not be read: {}", item.get("domain"));
            }
        }
        return offers;
    }

    /** Sedo's page of the listing, or its details page when the listing names none. */
    private static URI link(String url, DomainName name, SedoConfig config) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return URI.create(url);
        }
        return URI.create("https://sedo.com/search/details/?domain=" + URLEncoder.encode(name.ascii(),
                StandardCharsets.UTF_8) + "&partnerid=" + URLEncoder.encode(config.partnerId().orElse(""),
                StandardCharsets.UTF_8));
    }
}
