package org.kontor.host.storefront.cart;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.kontor.api.domain.DomainName;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.LocaleResolver;

/**
 * Add-ons in the customer center (CC-4): {@code GET /account/addons} lists the services the customer booked with their
 * state and renewal date, and offers each add-on product for one of the domains they hold (or without a domain); the
 * offer's form puts it in the cart ({@code POST /cart/items}), from where it is ordered and paid like any other item.
 * Template {@code account/addons.ftlh}.
 */
public final class AddonPages {

    static final String PATH = "/account/addons";

    private final AddonCatalog addons;
    private final Customers customers;
    private final Function<String, List<DomainName>> activeDomains;
    private final LocaleResolver locales;

    /** @param activeDomains the domains a customer holds now, by customer id */
    public AddonPages(AddonCatalog addons, Customers customers, Function<String, List<DomainName>> activeDomains,
                      LocaleResolver locales) {
        this.addons = addons;
        this.customers = customers;
        this.activeDomains = activeDomains;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::page, Access.CUSTOMER, Access.RESELLER);
    }

    private void page(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        Currency currency = customers.find(customerId).map(Customer::currency).map(Currency::getInstance)
                .orElseThrow(() -> new java.util.NoSuchElementException("no customer account for this sign-in"));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of("Europe/Copenhagen"));
        List<Map<String, Object>> booked = new ArrayList<>();
        for (AddonCatalog.BookedService service : addons.servicesOf(customerId)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("product", PageViews.productName(addons, service.productId()));
            view.put("domain", service.domain() == null ? "" : DomainName.of(service.domain()).unicode());
            view.put("state", service.state());
            view.put("orderId", service.orderId() == null ? "" : service.orderId());
            view.put("startedAt", dates.format(service.startedAt()));
            view.put("renewsAt", dates.format(service.renewsAt()));
            booked.add(view);
        }
        List<Map<String, String>> domains = activeDomains.apply(customerId).stream()
                .map(name -> Map.of("value", name.ascii(), "name", name.unicode())).toList();
        List<Map<String, Object>> offers = new ArrayList<>();
        addons.offered().forEach(product -> addons.price(product.id(), currency).ifPresent(price -> {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("id", product.id());
            offer.put("name", product.name());
            offer.put("description", product.description());
            offer.put("perDomain", product.perDomain());
            offer.put("price", PageViews.money(price.amount(), locale));
            offer.put("months", price.periodMonths());
            offers.add(offer);
        }));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("booked", booked);
        page.put("offers", offers);
        page.put("domains", domains);
        ctx.render("account/addons.ftlh", page);
    }
}
