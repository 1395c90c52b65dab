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
import io.javalin.http.HttpStatus;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonService;
import org.kontor.host.addons.ServiceOperations;
import org.kontor.host.addons.ServiceState;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.LocaleResolver;

/**
 * Add-ons in the customer center (CC-4, ADD-1): {@code GET /account/addons} lists the services the customer booked with
 * their state, the details the provider gave (control panel, user name) and renewal date, and offers each add-on
 * product for one of the domains they hold (or without a domain); the offer's form puts it in the cart
 * ({@code POST /cart/items}), from where it is ordered and paid like any other item. {@code POST
 * /account/addons/{id}/cancel} ends a service at the end of its paid period; {@code POST /account/addons/{id}/plan}
 * moves it to another product of the same kind (the new price applies from the next renewal). Template
 * {@code account/addons.ftlh}.
 */
public final class AddonPages {

    static final String PATH = "/account/addons";

    private final AddonCatalog addons;
    private final ServiceOperations services;
    private final Customers customers;
    private final Function<String, List<DomainName>> activeDomains;
    private final LocaleResolver locales;

    /** @param activeDomains the domains a customer holds now, by customer id */
    public AddonPages(AddonCatalog addons, ServiceOperations services, Customers customers,
                      Function<String, List<DomainName>> activeDomains, LocaleResolver locales) {
        this.addons = addons;
        this.services = services;
        this.customers = customers;
        this.activeDomains = activeDomains;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::page, Access.CUSTOMER, Access.RESELLER);
        routes.post(PATH + "/{id}/cancel", this::cancel, Access.CUSTOMER, Access.RESELLER);
        routes.post(PATH + "/{id}/plan", this::changePlan, Access.CUSTOMER, Access.RESELLER);
    }

    private void cancel(Context ctx) {
        AddonService service = own(ctx);
        try {
            services.cancelAtPeriodEnd(service.id());
            ctx.redirect(PATH + "?done=cancelled", HttpStatus.SEE_OTHER);
        } catch (IllegalStateException e) {
            ctx.redirect(PATH + "?error=not-cancellable", HttpStatus.SEE_OTHER);
        }
    }

    private void changePlan(Context ctx) {
        AddonService service = own(ctx);
        String product = ctx.formParam("product") == null ? "" : ctx.formParam("product").strip();
        try {
            AddonService moved = services.changePlan(service.id(), product);
            ctx.redirect(PATH + (moved.productId().equals(product) ? "?done=plan-changed" : "?done=plan-requested"),
                    HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            ctx.redirect(PATH + "?error=plan-not-offered", HttpStatus.SEE_OTHER);
        } catch (IllegalStateException e) {
            ctx.redirect(PATH + "?error=plan-not-now", HttpStatus.SEE_OTHER);
        }
    }

    /** The caller's own service; another customer's is not found. */
    private AddonService own(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        return services.store().find(ctx.pathParam("id")).filter(service -> service.customerId().equals(customerId))
                .orElseThrow(() -> org.kontor.host.web.ProblemException.notFound("There is no such add-on."));
    }

    private void page(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        Currency currency = customers.find(customerId).map(Customer::currency).map(Currency::getInstance)
                .orElseThrow(() -> new java.util.NoSuchElementException("no customer account for this sign-in"));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of("Europe/Copenhagen"));
        List<Map<String, Object>> booked = new ArrayList<>();
        for (AddonService service : services.store().ofCustomer(customerId)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", service.id());
            view.put("product", PageViews.productName(addons, service.productId()));
            view.put("domain", service.domain() == null ? "" : DomainName.of(service.domain()).unicode());
            view.put("state", service.state().name());
            view.put("details", service.details().entrySet().stream()
                    .map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue())).toList());
            view.put("cancelAt", service.cancelAt() == null ? "" : dates.format(service.cancelAt()));
            boolean running = service.state() == ServiceState.ACTIVE || service.state() == ServiceState.SUSPENDED;
            view.put("cancellable", running && service.cancelAt() == null);
            view.put("plans", service.state() != ServiceState.ACTIVE ? List.of() : services.planTargets(service).stream()
                    .map(product -> Map.of("id", product.id(), "name", product.name(),
                            "price", addons.price(product.id(), currency).map(price -> PageViews.money(price.amount(),
                                    locale) + " / " + price.periodMonths()).orElse(""))).toList());
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
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done").replaceAll("[^a-z-]", ""));
        page.put("error", ctx.queryParam("error") == null ? "" : ctx.queryParam("error").replaceAll("[^a-z-]", ""));
        ctx.render("account/addons.ftlh", page);
    }
}
