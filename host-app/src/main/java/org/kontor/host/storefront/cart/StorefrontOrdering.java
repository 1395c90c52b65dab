package org.kontor.host.storefront.cart;

import io.javalin.config.RoutesConfig;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.orders.Carts;
import org.kontor.host.orders.Checkout;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.security.WebSessions;

/** Registers the cart, checkout and order pages. */
public final class StorefrontOrdering {

    private final CartPages cart;
    private final CheckoutPages checkout;
    private final OrderPages orders;

    /** @param defaultNameservers the operator's nameservers for orders that name none (may be empty) */
    public StorefrontOrdering(Carts carts, Checkout checkout, OrderStore orders, AddonCatalog addons,
                              CatalogStore catalog, Customers customers, Contacts contacts, WebSessions sessions,
                              LocaleResolver locales, Currency defaultCurrency,
                              Supplier<List<String>> defaultNameservers) {
        Shoppers shoppers = new Shoppers(sessions, customers, defaultCurrency);
        this.cart = new CartPages(carts, addons, catalog, contacts, shoppers, locales);
        this.checkout = new CheckoutPages(carts, addons, checkout, contacts, catalog, shoppers, locales, defaultNameservers);
        this.orders = new OrderPages(orders, addons, locales);
    }

    public void register(RoutesConfig routes) {
        cart.register(routes);
        checkout.register(routes);
        orders.register(routes);
    }
}
