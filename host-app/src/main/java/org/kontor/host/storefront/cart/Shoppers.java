package org.kontor.host.storefront.cart;

import io.javalin.http.Context;
import java.util.Currency;
import java.util.Optional;
import org.kontor.api.web.Caller;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.orders.CartOwner;
import org.kontor.host.security.WebSessions;

/**
 * Who is shopping in a request: the signed-in customer, whose cart is priced in their account's currency, or an
 * anonymous visitor, whose cart is keyed by the session's visitor id and priced in the operator's default currency.
 */
final class Shoppers {

    private final WebSessions sessions;
    private final Customers customers;
    private final Currency defaultCurrency;

    Shoppers(WebSessions sessions, Customers customers, Currency defaultCurrency) {
        this.sessions = sessions;
        this.customers = customers;
        this.defaultCurrency = defaultCurrency;
    }

    Optional<String> customerId(Context ctx) {
        return Caller.of(ctx).map(Caller::subject);
    }

    /** The request's cart owner; a visitor's session is started if there is none. */
    CartOwner owner(Context ctx) {
        return customerId(ctx).map(CartOwner::customer).orElseGet(() -> CartOwner.visitor(sessions.visitorId(ctx)));
    }

    Currency currency(Context ctx) {
        return customerId(ctx).flatMap(customers::find).map(Customer::currency).map(Shoppers::currencyOrNull)
                .orElse(defaultCurrency);
    }

    private static Currency currencyOrNull(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
